package org.outreachcrm.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The home page's outreach at a glance: the same numbers as the reports for the same
 * period and scope, and only the viewer's countries; each role sees its own sections.
 */
@FlowTest
class OutreachOverviewTest {

	// the home page's period as of ReportScenario.NOW (2031-03-10): the last 30 whole
	// days
	private static final LocalDate FROM = LocalDate.of(2031, 2, 8);

	private static final LocalDate TO = LocalDate.of(2031, 3, 9);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OutreachOverview overview;

	@Autowired
	ReportQueries queries;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ReportScenario scenario;

	UserView manager;

	@BeforeEach
	void setUp() {
		this.scenario = ReportScenario.seed(this.jdbc, this.clock, ReportScenario.NOW);
		this.manager = ReportScenario.manager(this.users);
	}

	@AfterEach
	void resetClock() {
		ReportScenario.resetClock(this.clock);
	}

	@Test
	void countsWhatTheReportsCountForTheSamePeriodAndScope() {
		OutreachOverview.Overview glance = this.overview.of(ReportPeriod.LAST_30_DAYS, ReportScenario.SCOPE);
		assertThat(glance.from()).isEqualTo(FROM);
		assertThat(glance.to()).isEqualTo(TO);

		ReportData activity = this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY), ReportScenario.SCOPE);
		ReportData followUps = this.queries.compute(filter(ReportType.FOLLOW_UPS), ReportScenario.SCOPE);
		assertThat(glance.interactions().value()).isEqualTo(activity.figure("interactions"));
		assertThat(glance.interactions().previous()).isEqualTo(activity.figure("previousInteractions"));
		assertThat(glance.newOrganizations().value()).isEqualTo(activity.figure("newOrganizations"));
		assertThat(glance.overdueFollowUps().value()).isEqualTo(followUps.figure("overdue"));
		// the glance runs only the queries of what it shows: each of them equals the
		// full report's
		ReportData previous = this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY).previous(),
				ReportScenario.SCOPE);
		assertThat(glance.newOrganizations().previous()).isEqualTo(previous.figure("newOrganizations"));
		assertThat(glance.byType()).isEqualTo(counts(activity, ActivityReport.BY_INTERACTION_TYPE));
		assertThat(glance.byCountry()).isEqualTo(counts(activity, ActivityReport.BY_COUNTRY));
		ReportData coverage = this.queries.compute(filter(ReportType.COVERAGE), ReportScenario.SCOPE);
		assertThat(this.overview.organizationsByCountry(ReportPeriod.LAST_30_DAYS, ReportScenario.SCOPE)).isNotEmpty()
			.isEqualTo(counts(coverage, CoverageReport.BY_COUNTRY));
		ReportData held = this.queries.compute(filter(ReportType.MEETINGS), ReportScenario.SCOPE);
		assertThat(glance.meetings().previous()).isEqualTo(held.figure("meetings"));
		// TV: 3 and 4 March; NR: 28 February and 9 March. KI is outside the scope, and
		// 10 March is today, not a whole day yet.
		assertThat(glance.interactions().value()).isEqualTo(4);
		assertThat(glance.interactions().change()).isEqualTo(4);
		// overdue as of 10 March in TV and NR: due 1 March (TV) and 5 March (NR)
		assertThat(glance.overdueFollowUps().value()).isEqualTo(2);
		assertThat(glance.byCountry()).extracting(OutreachOverview.Count::key).containsOnly("TV", "NR");
		assertThat(this.overview.organizationsByCountry(ReportPeriod.LAST_30_DAYS, ReportScenario.SCOPE))
			.extracting(OutreachOverview.Count::key)
			.containsExactlyInAnyOrder("TV", "NR");
		// weeks start on Monday: 24 February (28th), 3 March (3rd, 4th, 9th); the quiet
		// weeks of the period are there too, with zero, as in the report's chart
		assertThat(glance.byWeek()).extracting(OutreachOverview.Count::key)
			.containsExactly("2031-02-03", "2031-02-10", "2031-02-17", "2031-02-24", "2031-03-03");
		assertThat(glance.byWeek()).extracting(OutreachOverview.Count::value).containsExactly(0L, 0L, 0L, 1L, 3L);
	}

	@Test
	void aScopedManagerSeesTheReportsNumbersForTheirCountriesOnly() {
		ReportData activity = this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY), ReportScenario.SCOPE);
		ReportData followUps = this.queries.compute(filter(ReportType.FOLLOW_UPS), ReportScenario.SCOPE);

		MvcTestResult home = this.mvc.get()
			.uri("/?lang=en")
			.with(user(this.manager.username()).roles("MANAGER"))
			.exchange();
		assertThat(home).hasStatusOk();
		assertThat(home).bodyText()
			.contains("id=\"home-overview\"")
			.containsPattern(
					"id=\"figure-interactions\"[\\s\\S]*?figure-value\">" + activity.figure("interactions") + "<")
			.containsPattern(
					"id=\"figure-overdueFollowUps\"[\\s\\S]*?figure-value\">" + followUps.figure("overdue") + "<")
			.contains("hx-get=\"/home/countries\"")
			.doesNotContain("country=KI")
			.doesNotContain("Outside Org")
			.doesNotContain("id=\"home-admin\"")
			.doesNotContain("id=\"home-staff\"");
		// the map and the organizations per country, which the page asks for after itself
		MvcTestResult countries = this.mvc.get()
			.uri("/home/countries?lang=en")
			.header("HX-Request", "true")
			.with(user(this.manager.username()).roles("MANAGER"))
			.exchange();
		assertThat(countries).hasStatusOk();
		assertThat(countries).bodyText()
			.contains("id=\"world-map\"", "href=\"/organizations?country=TV\"", "href=\"/organizations?country=NR\"")
			.doesNotContain("country=KI")
			.doesNotContain("<html");
	}

	@Test
	void staffSeeTheirOwnFollowUpsDueAndNoOverview() {
		String staff = this.jdbc.sql("SELECT username FROM app_user WHERE id = ?")
			.param(this.scenario.staffA)
			.query(String.class)
			.single();
		MvcTestResult home = this.mvc.get().uri("/?lang=en").with(user(staff).roles("STAFF")).exchange();
		assertThat(home).hasStatusOk();
		assertThat(home).bodyText()
			.contains("id=\"home-staff\"")
			// Ana's follow-up due 1 March is overdue; hers due 12 and 30 March are not
			// due yet
			.containsOnlyOnce("class=\"badge text-bg-danger\">Overdue<")
			.doesNotContain("text-bg-warning\">Today<")
			.doesNotContain("id=\"home-overview\"")
			.doesNotContain("id=\"home-admin\"");
		assertThat(this.mvc.get().uri("/home/countries").with(user(staff).roles("STAFF")).exchange())
			.as("the managers' part is theirs")
			.hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);

		// put off by a week from the home page (htmx): no longer due, the list says so
		long overdue = this.jdbc
			.sql("SELECT id FROM follow_up WHERE assignee_id = ? AND due_on = ? AND completed_at IS NULL")
			.params(this.scenario.staffA, LocalDate.of(2031, 3, 1))
			.query(Long.class)
			.single();
		MvcTestResult snoozed = this.mvc.post()
			.uri("/home/follow-ups/" + overdue + "/snooze?lang=en")
			.param("version", "0")
			.param("days", "7")
			.header("HX-Request", "true")
			.with(user(staff).roles("STAFF"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		assertThat(snoozed).hasStatusOk();
		assertThat(snoozed).bodyText()
			.contains("The follow-up was put off.", "Nothing is due today.")
			.doesNotContain("<html");
		assertThat(this.jdbc.sql("SELECT due_on FROM follow_up WHERE id = ?")
			.param(overdue)
			.query(LocalDate.class)
			.single()).as("a week after today, 10 March").isEqualTo(LocalDate.of(2031, 3, 17));
	}

	@Test
	void adminsSeeImportsDeliveriesAndAccounts() {
		MvcTestResult home = this.mvc.get().uri("/?lang=en").with(user("admin-home").roles("ADMIN")).exchange();
		assertThat(home).hasStatusOk();
		assertThat(home).bodyText()
			.contains("id=\"home-admin\"", "Recent imports", "Failed report deliveries", "Accounts needing attention")
			.doesNotContain("id=\"home-overview\"");
	}

	// a breakdown's key and first number, as the glance keeps them
	private static List<OutreachOverview.Count> counts(ReportData data, String table) {
		return data.table(table)
			.orElseThrow()
			.rows()
			.stream()
			.filter((row) -> row.get(0) != null)
			.map((row) -> new OutreachOverview.Count(row.get(0).toString(), ((Number) row.get(1)).longValue()))
			.toList();
	}

	private static ReportFilter filter(ReportType type) {
		return new ReportFilter(type, FROM, TO, Set.of(), null);
	}

}
