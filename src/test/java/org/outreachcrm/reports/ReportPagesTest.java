package org.outreachcrm.reports;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.testsupport.DirectoryData;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The report pages as a manager sees them, on real data. */
@FlowTest
class ReportPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RunStore store;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	UserView manager;

	ReportScenario scenario;

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
	void theReportsPageOffersTheFormAndTheHistoryToManagersOnly() {
		ReportFilter filter = ReportScenario.filter(ReportType.COVERAGE);
		long id = this.store.insert(filter, ReportScenario.SCOPE, Locale.ENGLISH, this.manager.username(),
				ReportScenario.NOW);
		this.store.finish(id, ReportRunStatus.FAILED, null, "Disk full", ReportScenario.NOW);
		MvcTestResult page = get("/reports");
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Run a report")
			.contains("History")
			.contains("Report schedules")
			.contains("id=\"run-" + id + "\"")
			.contains("Disk full");
		assertThat(this.mvc.get().uri("/reports").with(user("s").roles("STAFF")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult directory = get("/directory");
		assertThat(directory).bodyText().contains("href=\"/reports\"");
		assertThat(this.mvc.get().uri("/directory").with(user("s").roles("STAFF")).exchange()).bodyText()
			.doesNotContain("href=\"/reports\"");
	}

	@Test
	void aCompletedRunShowsFiguresTablesAndChartData() {
		ReportFilter filter = ReportScenario.filter(ReportType.OUTREACH_ACTIVITY);
		long id = this.store.insert(filter, ReportScenario.SCOPE, Locale.ENGLISH, this.manager.username(),
				ReportScenario.NOW);
		this.store.finish(id, ReportRunStatus.COMPLETED, ReportFiles.name(id, filter), null, ReportScenario.NOW);

		MvcTestResult view = get("/reports/runs/" + id);
		assertThat(view).hasStatusOk();
		assertThat(view).bodyText()
			.contains("Interactions in the period")
			.contains("class=\"report-chart\"")
			.contains("data-labels=\"[&quot;Tuvalu (TV)&quot;,&quot;Nauru (NR)&quot;]\"")
			.contains("data-values=\"[2,1]\"")
			.contains("Ana Seed")
			.contains("/webjars/chart.js/4.4.1/dist/chart.umd.js")
			.doesNotContain("<script>");
	}

	@Test
	void theRunAndScheduleFormsOfferTheSameFilterFields() {
		MvcTestResult runForm = get("/reports");
		assertThat(runForm).bodyText()
			.contains("name=\"type\"", "name=\"period\"", "<option value=\"CUSTOM\"", "name=\"from\"", "name=\"to\"",
					"name=\"countries\"", "name=\"campaignId\"", ">Spring drive</option>");
		MvcTestResult backwards = post("/reports/runs").param("type", "OUTREACH_ACTIVITY")
			.param("period", "CUSTOM")
			.param("from", "2031-03-09")
			.param("to", "2031-03-03")
			.exchange();
		assertThat(backwards).hasStatusOk();
		assertThat(backwards).bodyText().contains("id=\"to-error\"").contains("value=\"2031-03-09\"");

		String name = "Filters " + DirectoryData.marker();
		MvcTestResult saved = post("/reports/schedules").param("name", name)
			.param("type", "COVERAGE")
			.param("period", "LAST_MONTH")
			.param("countries", "tv")
			.param("campaignId", String.valueOf(this.scenario.campaign))
			.param("frequency", "DAILY")
			.param("time", "08:30")
			.param("timeZone", "UTC")
			.param("enabled", "true")
			.exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		long id = this.jdbc.sql("SELECT id FROM report_schedule WHERE name = ?").param(name).query(Long.class).single();
		MvcTestResult scheduleForm = get("/reports/schedules/" + id + "/edit");
		assertThat(scheduleForm).bodyText()
			.contains("<option value=\"COVERAGE\" selected=\"selected\"",
					"<option value=\"LAST_MONTH\" selected=\"selected\"", "name=\"countries\"", "value=\"TV\"",
					"<option value=\"" + this.scenario.campaign + "\" selected=\"selected\">Spring drive</option>")
			.doesNotContain("name=\"from\"", "<option value=\"CUSTOM\"");
	}

	@Test
	void anInvalidCronIsShownAtItsField() {
		MvcTestResult saved = post("/reports/schedules").param("name", "Weekly")
			.param("type", "OUTREACH_ACTIVITY")
			.param("period", "LAST_WEEK")
			.param("frequency", "CRON")
			.param("cron", "every monday")
			.param("timeZone", "Europe/Warsaw")
			.param("enabled", "true")
			.exchange();
		assertThat(saved).hasStatusOk();
		assertThat(saved).bodyText()
			.contains("id=\"cron-error\"")
			.contains("Not a valid cron expression (every monday)");

		MvcTestResult good = post("/reports/schedules").param("name", "Weekly")
			.param("type", "OUTREACH_ACTIVITY")
			.param("period", "LAST_WEEK")
			.param("frequency", "WEEKLY")
			.param("dayOfWeek", "MONDAY")
			.param("time", "08:30")
			.param("timeZone", "Europe/Warsaw")
			.param("recipients", "ana@example.org, bogdan@example.org")
			.param("enabled", "true")
			.exchange();
		assertThat(good).hasStatus(HttpStatus.FOUND);
		MvcTestResult list = get("/reports/schedules");
		// a picker's schedule reads as words; its cron stays behind the form's advanced
		// option
		assertThat(list).bodyText()
			.contains("every Monday at 08:30, Europe/Warsaw")
			.doesNotContain("0 30 8 * * MON")
			.contains("ana@example.org, bogdan@example.org");
		assertThat(
				this.mvc.get().uri("/reports/schedules?lang=pl").with(user(this.manager.username()).roles("MANAGER")))
			.bodyText()
			.contains("w każdy poniedziałek o 08:30, Europe/Warsaw");
	}

	/** A page as the manager sees it. */
	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(user(this.manager.username()).roles("MANAGER")).exchange();
	}

	/** A form the manager sends, with its CSRF token: add the fields, then exchange. */
	private MockMvcTester.MockMvcRequestBuilder post(String uri) {
		return this.mvc.post().uri(uri).with(user(this.manager.username()).roles("MANAGER")).with(csrf());
	}

}
