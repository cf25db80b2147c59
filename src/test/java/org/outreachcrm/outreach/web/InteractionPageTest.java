package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A logged interaction can be read back, corrected and deleted from its own page, and the
 * timeline leads there; every page shows its time in the viewer's zone, the same way. Not
 * rolled back: the history (Envers) is written when a transaction commits.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class InteractionPageTest {

	// 2026-01-10 10:00 UTC is 11:00 in Warsaw, where it was logged, and 07:00 in São
	// Paulo, where the viewer sits
	static final Instant AT = Instant.parse("2026-01-10T10:00:00Z");

	static final Cookie SAO_PAULO = new Cookie("tz", "America%2FSao_Paulo");

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
	UserAccounts users;

	@Autowired
	UserZones zones;

	@Autowired
	MessageSource messages;

	UserView me;

	OrganizationDetails org;

	ContactDetails ada;

	InteractionView call;

	String m;

	@BeforeEach
	void logged() {
		this.me = Staff.create(this.users, Role.ADMIN);
		Staff.actAs(this.me);
		this.m = marker();
		this.org = this.organizations.create(organization("Fundacja " + this.m, OrganizationType.NGO, "PL"));
		this.ada = this.contacts.create(person("Ada", "Nowak " + this.m, this.m + "@example.org", "PL"));
		this.contacts.affiliate(this.ada.id(), new AffiliationRequest(this.org.id(), "Chair", true, null, null, null));
		this.call = this.interactions.log(new InteractionRequest(this.org.id(), List.of(this.ada.id()),
				InteractionType.CALL, AT, "Europe/Warsaw", Direction.OUTBOUND, "Summer school " + this.m,
				"We talked about the summer school.\nThey want two places.\nAnd a third line.", "They will apply", null,
				null, Set.of("school"), new FollowUpRequest(LocalDate.of(2026, 2, 1), null, "Send the form"), null));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void showsEverythingThatWasLoggedWithNamesLinksAndBothZones() {
		MvcTestResult page = get("/interactions/" + this.call.id(), "en");

		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Summer school " + this.m, "Fundacja " + this.m, "href=\"/organizations/" + this.org.id() + "\"",
					"href=\"/contacts/" + this.ada.id() + "\"", "Ada Nowak " + this.m,
					"We talked about the summer school.", "They will apply", this.me.displayName(), "school",
					"Send the form", "10 Jan 2026, 07:00", "America/Sao_Paulo",
					"Logged as 10 Jan 2026, 11:00 (Europe/Warsaw)", "href=\"/follow-ups/");
	}

	@Test
	void namesWhoLoggedAndCreatedARecordByTheirNameNotTheirLogin() {
		String by = this.me.displayName() + ", ";
		String login = ">" + this.me.username() + ", ";

		assertThat(get("/interactions/" + this.call.id(), "en")).bodyText()
			.contains("Logged by", by)
			.doesNotContain(login);
		assertThat(get("/organizations/" + this.org.id(), "pl")).bodyText().contains(by).doesNotContain(login);
		assertThat(get("/contacts/" + this.ada.id(), "ro")).bodyText().contains(by).doesNotContain(login);
	}

	@Test
	void aPersonOutOfTheViewersCountriesIsNamedAsSuchInTheHistoryNotByTheirId() {
		ContactDetails ion = this.contacts
			.create(person("Ion", "Popescu " + this.m, "ion" + this.m + "@example.org", "RO"));
		InteractionView meeting = this.interactions.log(new InteractionRequest(this.org.id(),
				List.of(this.ada.id(), ion.id()), InteractionType.MEETING_IN_PERSON, AT, "Europe/Warsaw",
				Direction.INBOUND, "Visit " + this.m, null, null, null, null, Set.of(), null, null));
		Staff.logOut();
		UserView polish = this.users.create(new NewUser("pl" + this.m, "Test-Passw0rd-" + this.m, "Piotr " + this.m,
				null, Set.of(Role.STAFF), Set.of("PL")));
		Staff.actAs(this.me);

		MvcTestResult history = this.mvc.get()
			.uri("/interactions/" + meeting.id() + "/history?lang=pl")
			.with(user(polish.username()).roles("STAFF"))
			.exchange();

		assertThat(history).hasStatusOk();
		assertThat(history).bodyText()
			.contains("Ada Nowak " + this.m, msg("history.reference.gone.contact", "pl"))
			.doesNotContain("Popescu " + this.m, ", " + ion.id() + "<", " " + ion.id() + ",");
	}

	@Test
	void aDeletedInteractionIsNamedAsSuchInTheAuditLogNotByItsId() {
		this.interactions.delete(this.call.id(), null);

		MvcTestResult audit = this.mvc.get()
			.uri("/admin/audit?lang=pl&user=" + this.me.username())
			.cookie(SAO_PAULO)
			.with(user(this.me.username()).roles("ADMIN"))
			.exchange();

		assertThat(audit).hasStatusOk();
		String deleted = this.messages.getMessage("audit.recordUnnamed.DELETED",
				new Object[] { msg("history.noun.INTERACTION", "pl"), msg("history.record.deleted", "pl") },
				Locale.forLanguageTag("pl"));
		assertThat(audit).bodyText()
			.contains(deleted)
			.doesNotContain("Summer school " + this.m, "nr " + this.call.id(), "#" + this.call.id(),
					"/interactions/" + this.call.id() + "\"");
	}

	@Test
	void theAuditLogNamesALinkBetweenAPersonAndAnOrganizationByBoth() {
		MvcTestResult audit = this.mvc.get()
			.uri("/admin/audit?lang=pl&user=" + this.me.username())
			.with(user(this.me.username()).roles("ADMIN"))
			.exchange();

		assertThat(audit).hasStatusOk();
		assertThat(audit).bodyText()
			.contains("Ada Nowak " + this.m + " – Fundacja " + this.m)
			.as("every record of this test still exists")
			.doesNotContain(msg("history.record.hidden", "pl"));
	}

	private String msg(String key, String language) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag(language));
	}

	@Test
	void theTimelineShowsTheSummaryOutcomeAndPeopleAndLeadsToThePage() {
		MvcTestResult timeline = get("/organizations/" + this.org.id() + "/timeline", "en");

		assertThat(timeline).hasStatusOk();
		assertThat(timeline).bodyText()
			.contains("href=\"/interactions/" + this.call.id() + "\"", "We talked about the summer school.",
					"They want two places. …", "They will apply", "Ada Nowak " + this.m, "10 Jan 2026, 07:00")
			.doesNotContain("And a third line.");
	}

	@Test
	void theSameMomentReadsTheSameOnEveryPageForAViewerInSaoPaulo() {
		String expected = "10 sty 2026, 07:00";

		assertThat(get("/interactions/" + this.call.id(), "pl")).bodyText().contains(expected);
		assertThat(get("/organizations/" + this.org.id() + "/timeline", "pl")).bodyText().contains(expected);
		// the history names when it happened as it was logged: the same moment, the same
		// way
		assertThat(get("/interactions/" + this.call.id() + "/history", "pl")).bodyText().contains(expected);
		// the history and the audit log show when the record was written: the app's clock
		Instant written = MutableClockConfiguration.DEFAULT_NOW;
		LocalDateTime local = LocalDateTime.ofInstant(written, ZoneId.of("America/Sao_Paulo"));
		String writtenInSaoPaulo = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(Locale.forLanguageTag("pl"))
			.format(local) + ", " + DateTimeFormatter.ofPattern("HH:mm").format(local);
		assertThat(get("/interactions/" + this.call.id(), "pl")).bodyText().contains(writtenInSaoPaulo);
		assertThat(get("/interactions/" + this.call.id() + "/history", "pl")).bodyText().contains(writtenInSaoPaulo);
		assertThat(get("/admin/audit", "pl")).bodyText().contains(writtenInSaoPaulo);
	}

	@Test
	void theUsersZoneIsTheBrowsersFromTheFirstPageOnAndTheirOwnChoiceAfterwards() {
		assertThat(this.zones.of(this.me.username())).isEmpty();

		assertThat(get("/interactions/" + this.call.id(), "en")).bodyText().contains("10 Jan 2026, 07:00");
		assertThat(this.zones.of(this.me.username())).contains(ZoneId.of("America/Sao_Paulo"));

		assertThat(this.mvc.post()
			.uri("/account/password/zone")
			.param("zone", "Asia/Tokyo")
			.with(user(this.me.username()).roles("STAFF"))
			.with(csrf())
			.exchange()).hasRedirectedUrl("/account/password");
		// the setting wins over the browser: 10:00 UTC is 19:00 in Tokyo
		assertThat(get("/interactions/" + this.call.id(), "en")).bodyText()
			.contains("10 Jan 2026, 19:00")
			.doesNotContain("10 Jan 2026, 07:00");
		assertThat(get("/organizations/" + this.org.id() + "/timeline", "en")).bodyText()
			.contains("10 Jan 2026, 19:00");
	}

	@Test
	void correctsTheOutcomeAndShowsAColleaguesNewerVersionBesideTheInput() {
		MvcTestResult saved = post(this.call.version(), "They applied");
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/interactions/" + this.call.id());
		InteractionView corrected = this.interactions.get(this.call.id(), null);
		assertThat(corrected.outcome()).isEqualTo("They applied");
		assertThat(corrected.occurredAt()).as("the moment survives the round trip through the form").isEqualTo(AT);
		assertThat(corrected.contactIds()).containsExactly(this.ada.id());

		MvcTestResult stale = post(this.call.version(), "My stale outcome");
		assertThat(stale).hasStatusOk();
		assertThat(stale).bodyText()
			.contains("Their version", "They applied", "My stale outcome", "Save my version anyway",
					"name=\"version\" value=\"" + corrected.version() + "\"");
		assertThat(this.interactions.get(this.call.id(), null).outcome()).isEqualTo("They applied");
	}

	@Test
	void deletesAfterAskingAndTheHistoryKeepsIt() {
		MvcTestResult page = get("/interactions/" + this.call.id(), "en");
		assertThat(page).bodyText().contains("data-confirm=\"Delete the interaction");

		MvcTestResult stale = this.mvc.post()
			.uri("/interactions/" + this.call.id() + "/delete")
			.param("version", String.valueOf(this.call.version() + 1))
			.with(user(this.me.username()).roles("STAFF"))
			.with(csrf())
			.exchange();
		assertThat(stale).hasRedirectedUrl("/interactions/" + this.call.id());
		assertThat(this.interactions.exists(this.call.id())).isTrue();

		MvcTestResult deleted = this.mvc.post()
			.uri("/interactions/" + this.call.id() + "/delete")
			.param("version", String.valueOf(this.call.version()))
			.with(user(this.me.username()).roles("STAFF"))
			.with(csrf())
			.exchange();
		assertThat(deleted).hasRedirectedUrl("/organizations/" + this.org.id());
		assertThat(this.interactions.exists(this.call.id())).isFalse();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM interaction_aud WHERE id = ? AND revtype = 2",
				Long.class, this.call.id()))
			.isEqualTo(1);
	}

	private MvcTestResult post(long version, String outcome) {
		return this.mvc.post()
			.uri("/interactions/" + this.call.id())
			.param("version", String.valueOf(version))
			.param("type", "CALL")
			.param("direction", "OUTBOUND")
			.param("date", "2026-01-10")
			.param("time", "11:00")
			.param("timeZone", "Europe/Warsaw")
			.param("subject", "Summer school " + this.m)
			.param("summary", "We talked about the summer school.")
			.param("outcome", outcome)
			.param("contactIds", String.valueOf(this.ada.id()))
			.param("tags", "school")
			.with(user(this.me.username()).roles("STAFF"))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult get(String path, String lang) {
		return this.mvc.get()
			.uri(path + "?lang=" + lang)
			.cookie(SAO_PAULO)
			.with(user(this.me.username()).roles("ADMIN"))
			.exchange();
	}

}
