package org.outreachcrm.reports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's report in a real browser: run last week's activity on demand, watch the run
 * finish, read the figures and the drawn chart, print view available, download the XLSX.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:reportit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + ReportBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + ReportBrowserIT.PASSWORD, "crm.reports.directory=target/report-it" })
class ReportBrowserIT {

	static final String ADMIN = "report-admin";

	static final String PASSWORD = "Report-Test-Pass-8841";

	static final Path DOWNLOADS = Path.of("target", "report-it-downloads");

	@RegisterExtension
	static Browser browser = Browser.downloadingTo(DOWNLOADS);

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void runsLastWeeksActivityAndShowsItsChartsAndFile() throws Exception {
		ReportSeed seed = new ReportSeed(this.jdbc);
		LocalDate monday = ReportPeriod.LAST_WEEK.from(LocalDate.now(ZoneOffset.UTC));
		Instant tuesday = monday.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
		long staff = seed.user("Olga Reporter");
		long polish = seed.organization("Fundacja Łódź", "FOUNDATION", "PL", "ENGAGED",
				tuesday.minus(Duration.ofDays(400)));
		long romanian = seed.organization("=HYPERLINK(\"http://x\")", "NGO", "RO", "PROSPECT", tuesday);
		seed.interaction(polish, "PL", "CALL", staff, null, tuesday);
		seed.interaction(polish, "PL", "EMAIL", staff, null, tuesday.plus(Duration.ofDays(1)));
		seed.interaction(romanian, "RO", "CALL", staff, null, tuesday.plus(Duration.ofDays(2)));

		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		browser.click(By.linkText("Reports"));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Reports"));
		browser.click(By.id("run-report"));

		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("report-figures")));
		assertThat(driver.findElement(By.id("report-figures")).getText()).contains("Interactions in the period\n3");
		browser
			.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas.report-chart[data-drawn]")));
		assertThat(driver.findElements(By.cssSelector("canvas.report-chart"))).hasSize(3);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Olga Reporter", "Foundation");
		assertThat(driver.findElement(By.cssSelector(".js-print")).isDisplayed()).isTrue();
		browser.screenshot("report-view");

		Files.createDirectories(DOWNLOADS);
		String name = driver.findElement(By.id("report-download"))
			.getAttribute("href")
			.replaceAll(".*/runs/(\\d+)/file", "$1");
		Path file = DOWNLOADS.resolve("outreach-activity_" + monday + "_" + monday.plusDays(6) + "_" + name + ".xlsx");
		Files.deleteIfExists(file);
		browser.click(By.id("report-download"));
		browser.waitUntil((d) -> Files.isRegularFile(file) && !Files.exists(Path.of(file + ".crdownload")));
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheet("By country").getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("Poland (PL)");
			assertThat(workbook.getSheet("By country").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(workbook.getSheet("Summary").getDrawingPatriarch().getCharts()).hasSize(3);
		}
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

}
