package org.outreachcrm.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportRunRequest;
import org.outreachcrm.reports.ReportRunStatus;
import org.outreachcrm.reports.ReportRuns;
import org.outreachcrm.reports.ReportType;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Crawls the pages each role reaches from the menu and from one record of each kind, in
 * Polish and Romanian, and fails on text a person should not read there: an English
 * bundle value (where the language has its own), a snake_case column name or a raw enum
 * code. Not rolled back: the history is written when a transaction commits.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class TranslatedPagesTest {

	private static final Pattern SNAKE = Pattern.compile("\\b[a-z]+(_[a-z]+)+\\b");

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]{3,}(_[A-Z]+)*\\b");

	private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");

	private static final Pattern ATTRIBUTE = Pattern
		.compile("\\s(?:title|aria-label|placeholder|data-confirm|alt)=\"([^\"]*)\"");

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Meetings meetings;

	@Autowired
	UserAccounts users;

	@Autowired
	Imports imports;

	@Autowired
	ReportRuns reports;

	List<String> records = new ArrayList<>();

	@BeforeEach
	void oneRecordOfEachKind() throws IOException {
		UserView admin = Staff.create(this.users, Role.ADMIN);
		Staff.actAs(admin);
		String m = marker();
		OrganizationDetails org = this.organizations
			.create(organization("Związek Zawodowy " + m, OrganizationType.TRADE_UNION, "PL"));
		ContactDetails ada = this.contacts.create(person("Ada", "Kowalska " + m, m + "@example.pl", "PL"));
		this.contacts.affiliate(ada.id(), new AffiliationRequest(org.id(), "Przewodnicząca", true, null, null, null));
		InteractionView call = this.interactions.log(new InteractionRequest(org.id(), List.of(ada.id()),
				InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"), "Europe/Warsaw", Direction.OUTBOUND,
				"Rozmowa " + m, "Podsumowanie", "Wynik", null, null, Set.of("szkoła"),
				new FollowUpRequest(LocalDate.parse("2026-02-01"), null, "Wysłać program"), null));
		this.interactions.update(call.id(),
				new InteractionRequest(org.id(), List.of(ada.id()), InteractionType.EMAIL,
						Instant.parse("2026-01-10T10:00:00Z"), "Europe/Warsaw", Direction.INBOUND, "Rozmowa " + m,
						"Podsumowanie", "Nowy wynik", null, null, Set.of("szkoła"), null, call.version()));
		Long followUp = this.jdbc.queryForObject("SELECT id FROM follow_up WHERE interaction_id = ?", Long.class,
				call.id());
		CampaignView campaign = this.campaigns.create(new CampaignRequest("Kampania " + m, null,
				LocalDate.parse("2026-01-01"), null, null, null, Set.of(org.id()), null));
		MeetingView meeting = this.meetings
			.create(new MeetingRequest("Spotkanie " + m, null, Instant.parse("2026-03-01T09:00:00Z"),
					Instant.parse("2026-03-01T11:00:00Z"), "Europe/Warsaw", null, null, null, null));
		this.records.addAll(List.of("/organizations/" + org.id(), "/organizations/" + org.id() + "/timeline",
				"/organizations/" + org.id() + "/history", "/contacts/" + ada.id(),
				"/contacts/" + ada.id() + "/timeline", "/contacts/" + ada.id() + "/history",
				"/interactions/" + call.id(), "/interactions/" + call.id() + "/history",
				"/interactions/" + call.id() + "/edit", "/follow-ups/" + followUp,
				"/follow-ups/" + followUp + "/history", "/follow-ups/done", "/campaigns/" + campaign.id(),
				"/meetings/" + meeting.id(), "/meetings/" + meeting.id() + "/history"));
		// an import run and a report run, finished, so that their pages show results
		ImportView imported = this.imports.submit(new ByteArrayInputStream(PartnerListFiles.polishList(m)),
				"partnerzy.xlsx", ImportOptions.defaults(), "API", admin.username());
		long report = this.reports.request(
				new ReportRunRequest(ReportType.OUTREACH_ACTIVITY, ReportPeriod.LAST_30_DAYS, null, null, null, null),
				java.util.Locale.ENGLISH);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(imported.id()).finished()
					&& this.reports.get(report).status() != ReportRunStatus.QUEUED
					&& this.reports.get(report).status() != ReportRunStatus.RUNNING);
		this.records.addAll(List.of("/imports/" + imported.id(), "/reports/runs/" + report));
		for (Role role : Role.values()) {
			Staff.ensureAccount(this.users, role.name().toLowerCase(java.util.Locale.ROOT) + "-crawler", role);
		}
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void pagesInPolishAndRomanianShowNoEnglishNoColumnNamesAndNoCodes() throws IOException {
		Properties english = bundle("messages.properties");
		Set<String> codes = enumCodes(english);
		List<String> problems = new ArrayList<>();
		for (String language : List.of("pl", "ro")) {
			Properties translated = bundle("messages_" + language + ".properties");
			Set<String> untranslated = untranslated(english, translated);
			for (Role role : Role.values()) {
				String login = role.name().toLowerCase(java.util.Locale.ROOT) + "-crawler";
				Set<String> pages = new LinkedHashSet<>();
				pages.add("/directory");
				pages.addAll(menu(get("/directory", language, login, role)));
				pages.addAll(this.records);
				for (String path : pages) {
					MvcTestResult page = get(path, language, login, role);
					int status = page.getResponse().getStatus();
					if (status == 403 || status == 302) {
						continue;
					}
					assertThat(status).as(path + " as " + role).isEqualTo(200);
					String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
					problems.addAll(problems(html, untranslated, codes, language + " " + role + " " + path + ": "));
				}
			}
		}
		assertThat(new TreeSet<>(problems)).isEmpty();
	}

	@Test
	void recognizesEnglishColumnNamesAndCodes() throws IOException {
		Properties english = bundle("messages.properties");
		Set<String> untranslated = untranslated(english, bundle("messages_pl.properties"));
		String html = "<p>Zapisz interakcję</p><td>occurred_at</td><span>OUTBOUND</span>"
				+ "<button title=\"Show history\">x</button><a href=\"mailto:a_b@example.org\">a_b@example.org</a>";

		assertThat(problems(html, untranslated, enumCodes(english), "")).containsExactlyInAnyOrder(
				"column name \"occurred_at\" in \"occurred_at\"", "code \"OUTBOUND\" in \"OUTBOUND\"",
				"English \"Show history\"");
	}

	private static List<String> problems(String html, Set<String> untranslated, Set<String> codes, String where) {
		List<String> problems = new ArrayList<>();
		for (String text : texts(html)) {
			if (untranslated.contains(text)) {
				problems.add(where + "English \"" + text + "\"");
			}
			Matcher snake = SNAKE.matcher(text);
			if (snake.find() && !text.contains("@") && !text.contains("/")) {
				problems.add(where + "column name \"" + snake.group() + "\" in \"" + text + "\"");
			}
			Matcher code = CODE.matcher(text);
			while (code.find()) {
				if (codes.contains(code.group())) {
					problems.add(where + "code \"" + code.group() + "\" in \"" + text + "\"");
				}
			}
		}
		return problems;
	}

	private MvcTestResult get(String path, String language, String login, Role role) {
		return this.mvc.get().uri(path + "?lang=" + language).with(user(login).roles(role.name())).exchange();
	}

	/** The menu's own pages. */
	private static Set<String> menu(MvcTestResult page) throws IOException {
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		int start = html.indexOf("id=\"main-nav\"");
		int end = html.indexOf("<main", start);
		Set<String> links = new LinkedHashSet<>();
		Matcher href = HREF.matcher(html.substring(Math.max(start, 0), Math.max(end, 0)));
		while (href.find()) {
			String link = href.group(1);
			if (!link.equals("/logout") && !link.startsWith("/login")) {
				links.add(link);
			}
		}
		return links;
	}

	/** What a person reads: text between tags and the attributes read aloud or shown. */
	private static List<String> texts(String html) {
		String visible = html.replaceAll("(?s)<script.*?</script>", "")
			.replaceAll("(?s)<style.*?</style>", "")
			.replaceAll("(?s)<!--.*?-->", "");
		List<String> texts = new ArrayList<>();
		Matcher text = TEXT.matcher(visible);
		while (text.find()) {
			String value = unescape(text.group(1)).strip();
			if (!value.isEmpty()) {
				texts.add(value);
			}
		}
		Matcher attribute = ATTRIBUTE.matcher(visible);
		while (attribute.find()) {
			texts.add(unescape(attribute.group(1)).strip());
		}
		return texts;
	}

	private static String unescape(String text) {
		return text.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	/**
	 * English values whose translation differs, that a page would show whole (no
	 * arguments), less the words the translation itself uses.
	 */
	private static Set<String> untranslated(Properties english, Properties translated) {
		Set<String> values = new HashSet<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key).strip();
			String other = translated.getProperty(key);
			if (other != null && !other.strip().equals(value) && !value.contains("{") && value.length() >= 4
					&& value.chars().anyMatch(Character::isLowerCase)) {
				values.add(value);
			}
		}
		// a word both languages share ("Status", "Import") is a value of the translation
		// too
		translated.stringPropertyNames().forEach((key) -> values.remove(translated.getProperty(key).strip()));
		return values;
	}

	/** The enum constants the bundles label ("InteractionType.CALL" gives CALL). */
	private static Set<String> enumCodes(Properties english) {
		Set<String> codes = new HashSet<>();
		for (String key : english.stringPropertyNames()) {
			Matcher code = Pattern.compile("^[A-Z][A-Za-z]+\\.([A-Z]{3,}(_[A-Z]+)*)$").matcher(key);
			if (code.find()) {
				codes.add(code.group(1));
			}
		}
		return codes;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
