package org.outreachcrm.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Figures people can trust (issue 17): every day of the period, countries by name,
 * interactions outside campaigns labelled, signed changes, a completed run showing its
 * own figures, one date format per language.
 */
@FlowTest
class ReportNumbersTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReportQueries queries;

	@Autowired
	ReportWorkbook workbooks;

	@Autowired
	RunStore store;

	@Autowired
	RunResults results;

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
	void everyDayOfThePeriodIsAPointWithZeroWhereNothingHappened() throws Exception {
		ReportData report = this.queries.compute(ReportScenario.filter(ReportType.OUTREACH_ACTIVITY),
				ReportScenario.SCOPE);
		List<List<Object>> days = rows(report, "byDay");
		assertThat(days).extracting((row) -> row.get(0))
			.containsExactly(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 5),
					LocalDate.of(2031, 3, 6), LocalDate.of(2031, 3, 7), LocalDate.of(2031, 3, 8),
					LocalDate.of(2031, 3, 9));
		assertThat(days).extracting((row) -> row.get(1)).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 1L);

		long id = completed(ReportType.OUTREACH_ACTIVITY);
		assertThat(get("/reports/runs/" + id, Locale.ENGLISH)).bodyText().contains("data-values=\"[1,1,0,0,0,0,1]\"");
		assertThat(api("/api/reports/runs/" + id + "/result")).bodyJson()
			.extractingPath("$.tables[?(@.key == 'byDay')].rows[*][1]")
			.asArray()
			.containsExactly(1, 1, 0, 0, 0, 0, 1);
		try (XSSFWorkbook book = workbook(report, Locale.ENGLISH)) {
			Sheet sheet = book.getSheet("By day");
			assertThat(sheet.getLastRowNum()).isEqualTo(7);
			assertThat(sheet.getRow(5).getCell(1).getNumericCellValue()).isZero();
			String chart = book.getSheet("Summary").getDrawingPatriarch().getCharts().get(0).getCTChart().toString();
			assertThat(chart).contains("<c:ptCount val=\"7\"/>");
		}
	}

	@Test
	void longPeriodsStepByWeekOrMonthWithEveryStepPresent() {
		TimeBuckets weeks = TimeBuckets.of(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 6, 30));
		assertThat(weeks.tableKey()).isEqualTo("byWeek");
		List<List<Object>> rows = List
			.copyOf(weeks.rows(java.util.Map.of(LocalDate.of(2031, 1, 8), 2L, LocalDate.of(2031, 1, 11), 3L,
					LocalDate.of(2031, 1, 2), 1L)))
			.stream()
			.map((row) -> (List<Object>) new ArrayList<Object>(row))
			.toList();
		assertThat(rows.get(0)).containsExactly(LocalDate.of(2031, 1, 1), 1L);
		assertThat(rows.get(1)).containsExactly(LocalDate.of(2031, 1, 6), 5L);
		assertThat(rows.get(2)).containsExactly(LocalDate.of(2031, 1, 13), 0L);
		assertThat(rows).hasSize(27);
		TimeBuckets months = TimeBuckets.of(LocalDate.of(2029, 1, 15), LocalDate.of(2031, 12, 31));
		assertThat(months.tableKey()).isEqualTo("byMonth");
		assertThat(months.rows(java.util.Map.of())).hasSize(36)
			.allSatisfy((row) -> assertThat(row.get(1)).isEqualTo(0L));
	}

	@Test
	void countriesReadAsNamesInTheReadersLanguageAndInteractionsOutsideCampaignsAreLabelled() throws Exception {
		long id = completed(ReportType.OUTREACH_ACTIVITY);
		assertThat(get("/reports/runs/" + id, Locale.forLanguageTag("pl"))).bodyText()
			.contains("Tuvalu (TV)")
			.contains("Nauru (NR)")
			.contains("Bez kampanii")
			.doesNotContain("<td>TV</td>");
		assertThat(get("/reports/runs/" + id, Locale.ENGLISH)).bodyText().contains("No campaign");
		ReportData report = this.queries.compute(ReportScenario.filter(ReportType.OUTREACH_ACTIVITY),
				ReportScenario.SCOPE);
		try (XSSFWorkbook book = workbook(report, Locale.forLanguageTag("ro"))) {
			List<String> countries = column(book.getSheet("Pe țară"), 0);
			assertThat(countries).contains("Tuvalu (TV)", "Nauru (NR)");
			assertThat(column(book.getSheet("Pe campanie"), 0)).contains("Fără campanie", "Spring drive");
		}
	}

	@Test
	void aChangeIsSignedAndAZeroBaseReadsAsNew() {
		long id = completed(ReportType.OUTREACH_ACTIVITY);
		// 3 in the week, 1 the week before
		assertThat(get("/reports/runs/" + id, Locale.ENGLISH)).bodyText().contains("+2 (+200%)");

		ReportFilter quiet = new ReportFilter(ReportType.OUTREACH_ACTIVITY, LocalDate.of(2031, 3, 9),
				LocalDate.of(2031, 3, 9), Set.of(), null);
		long fresh = completed(quiet);
		assertThat(get("/reports/runs/" + fresh, Locale.ENGLISH)).bodyText().contains("+1 (new)");
		assertThat(get("/reports/runs/" + fresh, Locale.forLanguageTag("pl"))).bodyText().contains("+1 (nowe)");

		ReportFilter fewer = new ReportFilter(ReportType.OUTREACH_ACTIVITY, LocalDate.of(2031, 3, 5),
				LocalDate.of(2031, 3, 8), Set.of(), null);
		long less = completed(fewer);
		assertThat(get("/reports/runs/" + less, Locale.ENGLISH)).bodyText().contains("-2 (-100%)");
	}

	@Test
	void aCompletedRunShowsItsOwnFiguresAndWhenTheyWereComputedUntilRunAgain() {
		long id = completed(ReportType.OUTREACH_ACTIVITY);
		// an interaction logged later, inside the run's period
		new ReportSeed(this.jdbc).interaction(this.scenario.o1, "TV", "CALL", this.scenario.staffA, null,
				ReportScenario.at("2031-03-06T10:00:00Z"));

		MvcTestResult page = this.mvc.get()
			.uri("/reports/runs/" + id + "?lang=en")
			.cookie(new jakarta.servlet.http.Cookie("tz", "Europe/Warsaw"))
			.with(user(this.manager.username()).roles("MANAGER"))
			.exchange();
		// computed when the clock stood at 2031-03-10 09:00 UTC: 10:00 in Warsaw
		assertThat(page).bodyText()
			.contains("Computed at")
			.contains("10 Mar 2031, 10:00 (Europe/Warsaw)")
			.contains("id=\"report-run-again\"")
			.contains("data-values=\"[1,1,0,0,0,0,1]\"");
		assertThat(api("/api/reports/runs/" + id + "/result")).bodyJson()
			.extractingPath("$.figures[?(@.key == 'interactions')].value")
			.asArray()
			.containsExactly(3);
		assertThat(api("/api/reports/runs/" + id)).bodyJson().extractingPath("$.computedAt").isNotNull();

		MvcTestResult again = this.mvc.post()
			.uri("/reports/runs/" + id + "/again")
			.with(user(this.manager.username()).roles("MANAGER"))
			.with(csrf())
			.exchange();
		assertThat(again).hasStatus3xxRedirection();
		String location = again.getResponse().getRedirectedUrl();
		long newId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(newId).isNotEqualTo(id);
		assertThat(this.store.find(newId).orElseThrow().filter()).isEqualTo(this.store.find(id).orElseThrow().filter());
	}

	@Test
	void periodsReadAsMediumDatesInEachLanguage() {
		completed(ReportType.COVERAGE);
		assertThat(get("/reports", Locale.ENGLISH)).bodyText().contains("3 Mar 2031 – 9 Mar 2031");
		assertThat(get("/reports", Locale.forLanguageTag("pl"))).bodyText().contains("3 mar 2031 – 9 mar 2031");
		assertThat(get("/reports", Locale.forLanguageTag("ro"))).bodyText().contains("3 mar. 2031 – 9 mar. 2031");
		assertThat(ReportFiles.name(7, ReportScenario.filter(ReportType.COVERAGE)))
			.isEqualTo("coverage_2031-03-03_2031-03-09_7.xlsx");
	}

	private long completed(ReportType type) {
		return completed(ReportScenario.filter(type));
	}

	private long completed(ReportFilter filter) {
		long id = this.store.insert(filter, ReportScenario.SCOPE, Locale.ENGLISH, this.manager.username(),
				ReportScenario.NOW);
		this.results.keep(id, this.queries.compute(filter, ReportScenario.SCOPE));
		this.store.finish(id, ReportRunStatus.COMPLETED, ReportFiles.name(id, filter), null, ReportScenario.NOW);
		return id;
	}

	private XSSFWorkbook workbook(ReportData report, Locale locale) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.workbooks.write(report, locale, out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static List<String> column(Sheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && row.getCell(column) != null) {
				values.add(row.getCell(column).getStringCellValue());
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static List<List<Object>> rows(ReportData report, String table) {
		return (List<List<Object>>) (List<?>) report.table(table).orElseThrow().rows();
	}

	private MvcTestResult get(String uri, Locale locale) {
		return this.mvc.get()
			.uri(uri + "?lang=" + locale.getLanguage())
			.with(user(this.manager.username()).roles("MANAGER"))
			.exchange();
	}

	private MvcTestResult api(String uri) {
		return this.mvc.get().uri(uri).with(user(this.manager.username()).roles("MANAGER")).exchange();
	}

}
