package org.outreachcrm.reports;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Runs through the API: 202 at once, computed in the background, file and history. */
@CommittingReportTest
class ReportRunsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@Autowired
	UserZones zones;

	UserView manager;

	@BeforeEach
	void seed() {
		ReportScenario.seed(this.jdbc, this.clock, ReportScenario.NOW);
		this.manager = ReportScenario.manager(this.users);
	}

	@AfterEach
	void cleanUp() {
		ReportScenario.cleanUp(this.jdbc, this.clock);
	}

	@Test
	void aManagerRunsAReportOnDemandAndDownloadsItsWorkbook() throws Exception {
		MvcTestResult accepted = post(Map.of("type", "OUTREACH_ACTIVITY", "from", "2031-03-03", "to", "2031-03-09"));
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		long id = this.json.readTree(accepted.getResponse().getContentAsString()).get("id").asLong();
		assertThat(accepted.getResponse().getHeader("Location")).isEqualTo("/api/reports/runs/" + id);

		JsonNode run = awaitFinished(id);
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("fileName").asString()).isEqualTo("outreach-activity_2031-03-03_2031-03-09_" + id + ".xlsx");

		MvcTestResult file = get("/api/reports/runs/" + id + "/file");
		assertThat(file).hasStatusOk();
		assertThat(file.getResponse().getHeader("Content-Disposition"))
			.contains("outreach-activity_2031-03-03_2031-03-09_" + id + ".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
			XSSFSheet countries = book.getSheet("By country");
			assertThat(countries.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Tuvalu (TV)");
			assertThat(countries.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(countries.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Nauru (NR)");
			assertThat(countries.getLastRowNum()).isEqualTo(2);
		}

		MvcTestResult history = get("/api/reports/runs");
		assertThat(history).hasStatusOk();
		JsonNode page = this.json.readTree(history.getResponse().getContentAsString());
		assertThat(page.get("content").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void aScopedRunNeverCountsAnotherCountryEvenWhenAskedFor() throws Exception {
		long id = id(post(Map.of("type", "OUTREACH_ACTIVITY", "period", "CUSTOM", "from", "2031-03-03", "to",
				"2031-03-09", "countries", new String[] { "KI", "TV" })));
		assertThat(awaitFinished(id).get("status").asString()).isEqualTo("COMPLETED");
		MvcTestResult file = get("/api/reports/runs/" + id + "/file");
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
			XSSFSheet countries = book.getSheet("By country");
			assertThat(countries.getLastRowNum()).isEqualTo(1);
			assertThat(countries.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Tuvalu (TV)");
			assertThat(countries.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
		}
	}

	@Test
	void aNamedPeriodCountsBackFromToday() throws Exception {
		long id = id(post(Map.of("type", "MEETINGS", "period", "LAST_WEEK")));
		JsonNode run = awaitFinished(id);
		assertThat(run.get("from").asString()).isEqualTo("2031-03-03");
		assertThat(run.get("to").asString()).isEqualTo("2031-03-09");
	}

	@Test
	void aNamedPeriodOnThePageCountsBackFromTodayInTheUsersZone() throws Exception {
		// 31 December 20:00 UTC is already 1 January 09:00 in Auckland, the user's zone
		this.zones.use(this.manager.username(), ZoneId.of("Pacific/Auckland"));
		this.clock.set(Instant.parse("2031-12-31T20:00:00Z"));
		MvcTestResult lastMonth = this.mvc.post()
			.uri("/reports/runs")
			.param("type", "MEETINGS")
			.param("period", "LAST_MONTH")
			.with(user(this.manager.username()).roles("MANAGER"))
			.with(csrf())
			.exchange();
		assertThat(lastMonth).hasStatus3xxRedirection();
		String location = lastMonth.getResponse().getRedirectedUrl();
		JsonNode run = awaitFinished(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(run.get("from").asString()).isEqualTo("2031-12-01");
		assertThat(run.get("to").asString()).isEqualTo("2031-12-31");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStartsAndStaff() {
		assertThat(post(Map.of("type", "COVERAGE", "from", "2031-03-09", "to", "2031-03-03")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(post(Map.of("type", "COVERAGE"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(this.mvc.post()
			.uri("/api/reports/runs")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"COVERAGE\",\"period\":\"LAST_WEEK\"}")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult post(Map<String, Object> body) {
		return this.mvc.post()
			.uri("/api/reports/runs")
			.with(user(this.manager.username()).roles("MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

	/** A GET by the manager. */
	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(user(this.manager.username()).roles("MANAGER")).exchange();
	}

	private long id(MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		return this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
	}

	private JsonNode awaitFinished(long id) {
		JsonNode[] run = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			MvcTestResult result = get("/api/reports/runs/" + id);
			run[0] = this.json.readTree(result.getResponse().getContentAsString());
			String status = run[0].get("status").asString();
			return !"QUEUED".equals(status) && !"RUNNING".equals(status);
		});
		return run[0];
	}

}
