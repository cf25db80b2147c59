package org.outreachcrm.reports;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.DirectoryData;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The reported case: a manager limited to some countries changed the recipients and cron
 * of an admin's schedule, and the run went out for all countries to an outside address.
 * Schedules are changed only by their owner or an admin whose countries include the
 * owner's; a run counts within its owner's scope; recipients are users of the CRM or in
 * an allowed domain ({@code example.org} in the tests), and complete addresses.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ScheduleOwnershipTest {

	static final int PORT = freePort();

	static GreenMail smtp;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReportSchedules schedules;

	@Autowired
	ReportScheduler scheduler;

	@Autowired
	RunStore store;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	String m;

	UserView boss;

	UserView scopedManager;

	UserView scopedAdmin;

	UserView colleague;

	@BeforeEach
	void setUp() {
		smtp = new GreenMail(ServerSetupTest.SMTP.withPort(PORT));
		smtp.start();
		ReportScenario.seed(this.jdbc, this.clock, ReportSchedulerTest.SUNDAY);
		this.m = DirectoryData.marker();
		this.boss = account("boss", Role.ADMIN, Set.of(), null);
		this.scopedManager = ReportScenario.manager(this.users);
		this.scopedAdmin = account("sadm", Role.ADMIN, ReportScenario.SCOPE.countries(), null);
		this.colleague = account("col", Role.MANAGER, Set.of("TV"), null);
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		Staff.logOut();
		ReportScenario.cleanUp(this.jdbc, this.clock);
	}

	@Test
	void aScopedManagerCannotReachTheScheduleOfAnAdminWithAllCountries() {
		ScheduleView bosses = create(this.boss, "Board " + this.m, List.of(), List.of("board@example.org"));
		for (UserView other : List.of(this.scopedManager, this.scopedAdmin)) {
			assertThat(this.mvc.put()
				.uri("/api/reports/schedules/" + bosses.id())
				.with(as(other))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Board " + this.m, "mihai@example.org", bosses.version()))
				.exchange()).as(other.username()).hasStatus(404);
			assertThat(this.mvc.delete().uri("/api/reports/schedules/" + bosses.id()).with(as(other)).exchange())
				.hasStatus(404);
			assertThat(body(this.mvc.get().uri("/api/reports/schedules?size=500").with(as(other)).exchange()))
				.doesNotContain("Board " + this.m);
		}
		Staff.actAs(this.boss);
		assertThat(this.schedules.get(bosses.id()).recipients()).containsExactly("board@example.org");
		assertThat(this.schedules.get(bosses.id()).time()).isEqualTo("08:30");
		Staff.logOut();
		assertThat(this.mvc.put()
			.uri("/api/reports/schedules/" + bosses.id())
			.with(as(this.boss))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Board " + this.m, "board@example.org", bosses.version()))
			.exchange()).hasStatusOk();
	}

	@Test
	void onlyTheOwnerOrAnAdminWhoseCountriesIncludeTheOwnersChangesASchedule() {
		ScheduleView colleagues = create(this.colleague, "Tuvalu " + this.m, List.of(), List.of("ana@example.org"));
		// visible to a manager whose countries include the owner's, but not theirs to
		// change
		assertThat(
				this.mvc.get().uri("/api/reports/schedules/" + colleagues.id()).with(as(this.scopedManager)).exchange())
			.hasStatusOk();
		MvcTestResult refused = this.mvc.put()
			.uri("/api/reports/schedules/" + colleagues.id())
			.with(as(this.scopedManager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Tuvalu " + this.m, "ana@example.org", colleagues.version()))
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(body(refused)).contains("reports.error.schedule.notYours");
		assertThat(this.mvc.delete()
			.uri("/api/reports/schedules/" + colleagues.id())
			.with(as(this.scopedManager))
			.exchange()).hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/api/reports/schedules/" + colleagues.id())
			.with(as(this.scopedAdmin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Tuvalu " + this.m, "bogdan@example.org", colleagues.version()))
			.exchange()).hasStatusOk();
		assertThat(this.mvc.put()
			.uri("/api/reports/schedules/" + colleagues.id())
			.with(as(this.colleague))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Tuvalu " + this.m, "ana@example.org", colleagues.version() + 1))
			.exchange()).hasStatusOk();
	}

	@Test
	void recipientsAreCompleteAddressesOfUsersOrOfAnAllowedDomain() {
		UserView outsider = account("out", Role.STAFF, Set.of("TV"), "out" + this.m + "@elsewhere.test");
		String[][] refusals = { { "en", "Recipients: mihai@example is not a complete e-mail address" },
				{ "pl", "Odbiorcy: mihai@example nie jest pełnym adresem e-mail" },
				{ "ro", "Destinatari: mihai@example nu este o adresă de e-mail completă" } };
		for (String[] refusal : refusals) {
			MvcTestResult result = post("mihai@example", refusal[0]);
			assertThat(result).hasStatus(422);
			assertThat(body(result)).contains(refusal[1]).contains("reports.error.recipient.invalid");
		}
		MvcTestResult outside = post("someone@outside.test", "en");
		assertThat(outside).hasStatus(422);
		assertThat(body(outside)).contains("reports.error.recipient.outside").contains("someone@outside.test");
		assertThat(post(outsider.email(), "en")).as("a user's own address").hasStatus(201);
		assertThat(post("ana@lists.example.org", "en")).as("a subdomain of an allowed domain").hasStatus(201);
	}

	@Test
	void aScheduledRunCountsWithinItsOwnersCountriesAndMailsOnlyRecipientsAllowedWhenItFires() throws Exception {
		UserView leaving = account("lv", Role.STAFF, Set.of("TV"), "lv" + this.m + "@elsewhere.test");
		ScheduleView schedule = create(this.scopedManager, "Mixed " + this.m, List.of("TV", "KI"),
				List.of(leaving.email(), "ana@example.org"));
		// the person leaves: their address is no longer a user's
		this.users.update(leaving.id(), new UserChange(leaving.displayName(), "lv" + this.m + "@example.net", true,
				leaving.roles(), leaving.countries(), leaving.version()), this.boss.username());

		this.clock.set(Instant.parse("2031-03-10T07:31:00Z"));
		this.scheduler.tick();
		assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		List<String> to = new ArrayList<>();
		for (Address address : message.getRecipients(Message.RecipientType.TO)) {
			to.add(address.toString());
		}
		assertThat(to).containsExactly("ana@example.org");

		long runId = runOf(schedule.id());
		assertThat(this.store.find(runId).orElseThrow().scope()).isEqualTo(ReportScenario.SCOPE);
		List<String> countries = new ArrayList<>();
		try (InputStream in = attachment(message).getInputStream(); XSSFWorkbook book = new XSSFWorkbook(in)) {
			for (Row row : book.getSheet("By country")) {
				Cell first = row.getCell(0);
				countries.add(first == null ? "" : first.toString());
			}
		}
		assertThat(String.join("|", countries)).as("Kiribati is outside the owner's countries")
			.doesNotContain("KI")
			.doesNotContain("Kiribati");
		assertThat(String.join("|", countries)).containsAnyOf("TV", "Tuvalu");
	}

	private UserView account(String prefix, Role role, Set<String> countries, String email) {
		return this.users.create(new NewUser(prefix + this.m, "Test-Passw0rd-" + this.m, prefix + " " + this.m, email,
				Set.of(role), countries));
	}

	private ScheduleView create(UserView owner, String name, List<String> countries, List<String> recipients) {
		Staff.actAs(owner);
		try {
			return this.schedules.create(new ScheduleRequest(name, ReportType.OUTREACH_ACTIVITY, ReportPeriod.LAST_WEEK,
					countries, null, ScheduleFrequency.WEEKLY, null, DayOfWeek.MONDAY, null, "08:30", "Europe/Warsaw",
					recipients, false, true, null));
		}
		finally {
			Staff.logOut();
		}
	}

	private MvcTestResult post(String recipient, String language) {
		return this.mvc.post()
			.uri("/api/reports/schedules?lang=" + language)
			.with(as(this.scopedManager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("New " + this.m, recipient, null))
			.exchange();
	}

	private static String json(String name, String recipient, Long version) {
		return """
				{"name":"%s","type":"OUTREACH_ACTIVITY","period":"LAST_WEEK","frequency":"CRON",
				 "cron":"0 0 6 * * MON","timeZone":"UTC","recipients":["%s"],"skipWhenEmpty":false,
				 "enabled":true,"version":%s}""".formatted(name, recipient, version);
	}

	private long runOf(long scheduleId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.page(null, 100, 0)
				.stream()
				.anyMatch((r) -> Long.valueOf(scheduleId).equals(r.scheduleId())));
		return this.store.page(null, 100, 0)
			.stream()
			.filter((r) -> Long.valueOf(scheduleId).equals(r.scheduleId()))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static Part attachment(MimeMessage message) throws Exception {
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
		}
		throw new AssertionError("no attachment");
	}

	private static RequestPostProcessor as(UserView user) {
		return user(user.username()).roles(user.roles().stream().map(Role::name).toArray(String[]::new));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
