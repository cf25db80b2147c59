package org.outreachcrm.imports.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outreachcrm.directory.ContactSummary;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * An import through the screens in a real browser: upload a Polish partner list, leave a
 * column out on the mapping page, try it (dry run), import it for real, and download the
 * rejected rows; a run's possible duplicates, named on its page in each language, and the
 * review queue filtered to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:importit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.imports.storage-dir=target/import-it-uploads",
		"crm.accounts.initial-admin.username=" + ImportBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + ImportBrowserIT.PASSWORD })
class ImportBrowserIT {

	static final String ADMIN = "import-admin";

	static final String PASSWORD = "Import-Test-Pass-5830";

	static final Path DOWNLOADS = Path.of("target", "import-it-downloads");

	@RegisterExtension
	static Browser browser = Browser.downloadingTo(DOWNLOADS);

	@Autowired
	Contacts contacts;

	@Autowired
	Imports imports;

	@LocalServerPort
	int port;

	@Test
	void uploadsReviewsTriesImportsAndDownloadsTheRejectedRows() throws Exception {
		String m = marker();
		Path file = Files.createTempFile("partnerzy-", ".xlsx");
		Files.write(file, PartnerListFiles.polishList(m));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(url("/imports/new"));
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.screenshot("import-new");
		browser.click(By.cssSelector("main form button[type=submit]"));

		browser.waitUntil(ExpectedConditions.urlMatches("/imports/\\d+/mapping$"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Nazwa organizacji", "Stanowisko",
				"Przewodnicząca", "row 3");
		Select jobTitle = new Select(driver.findElement(By.id("columns5")));
		assertThat(jobTitle.getFirstSelectedOption().getText()).isEqualTo("Job title");
		jobTitle.selectByValue("EMAIL");
		browser.click(By.id("start-dry-run"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(text("form-errors")).contains("Two columns cannot both fill \u201cPerson's e-mail\u201d");
		assertThat(driver.findElements(By.cssSelector("select[aria-invalid=true]"))).hasSize(2);
		browser.screenshot("import-mapping-duplicate");
		jobTitle = new Select(driver.findElement(By.id("columns5")));
		jobTitle.selectByValue("");
		browser.screenshot("import-mapping");
		browser.click(By.id("start-dry-run"));

		browser.waitUntil(ExpectedConditions.urlMatches("/imports/\\d+$"));
		completed();
		assertThat(text("count-read")).isEqualTo("5");
		assertThat(text("count-rejected")).isEqualTo("2");
		assertThat(people(m)).as("a dry run writes nothing").isEmpty();
		browser.screenshot("import-run-dry");

		String dryRunUrl = driver.getCurrentUrl();
		browser.click(By.id("import-for-real"));
		browser.waitUntil((d) -> !d.getCurrentUrl().equals(dryRunUrl));
		completed();
		assertThat(text("count-imported")).isEqualTo("3");
		assertThat(text("count-rejected")).isEqualTo("2");
		assertThat(text("count-organizations")).isEqualTo("2 new, 0 updated");
		assertThat(text("count-contacts")).isEqualTo("3 new, 0 updated");
		assertThat(driver.findElement(By.id("problems")).getText()).contains("Adres e-mail", "nie-email");
		assertThat(people("wisniewska " + m)).singleElement()
			.satisfies((anna) -> assertThat(anna.role()).as("the job title column was left out").isNull());
		browser.screenshot("import-run");

		String runId = driver.getCurrentUrl().replaceAll(".*/imports/(\\d+)$", "$1");
		Path report = DOWNLOADS.resolve("import-" + runId + "-rejections.xlsx");
		Files.deleteIfExists(report);
		browser.click(By.id("download-rejections"));
		browser.waitUntil((d) -> Files.isRegularFile(report) && !Files.exists(Path.of(report + ".crdownload")));
		try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			List<String> cells = new java.util.ArrayList<>();
			for (Row row : sheet) {
				row.forEach((cell) -> cells.add(cell.toString()));
			}
			assertThat(cells).contains("nie-email", "Zła Fundacja " + m);
		}

		driver.get(url("/imports"));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.import-history")));
		browser.screenshot("import-history");

		// undo asks first (app.js, data-confirm), then shows what it did
		driver.get(url("/imports/" + runId));
		browser.click(By.id("undo"));
		browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("undo-outcome")));
		assertThat(text("undo-outcome")).contains("Removed: 2 organizations, 3 people, 3 links.");
		assertThat(people(m)).isEmpty();
		assertThat(driver.findElements(By.id("undo"))).isEmpty();
		browser.screenshot("import-undone");
		driver.get(url("/imports/" + runId + "?lang=pl"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Zakończony"));
		browser.screenshot("import-run-pl");
		assertThat(browser.consoleErrors()).as("the import pages run under the Content-Security-Policy").isEmpty();
	}

	@Test
	void showsTheProgressOfALongImportWhileItRuns() throws Exception {
		String m = marker();
		StringBuilder csv = new StringBuilder("Nazwa organizacji;Kraj;Imię;Nazwisko;E-mail\n");
		for (int i = 0; i < 40_000; i++) {
			csv.append("Fundacja ").append(m).append(' ').append(i).append(";PL;Anna;Kowalska ").append(i).append(';');
			csv.append(m).append(i).append("@example.pl\n");
		}
		Path file = Files.createTempFile("duza-lista-", ".csv");
		Files.writeString(file, csv);
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(url("/imports/new"));
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.urlMatches("/imports/\\d+/mapping$"));
		String mapping = driver.getCurrentUrl();
		driver.manage().window().setSize(new Dimension(820, 1180));
		driver.get(mapping + "?lang=ro");
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Verificați coloanele"));
		browser.screenshot("import-mapping-tablet-ro");
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.get(mapping + "?lang=en");
		browser.click(By.id("start-dry-run"));

		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Running"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "rows/s"));
		browser.screenshot("import-progress");
		new WebDriverWait(driver, Duration.ofMinutes(3))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Completed"));
		assertThat(text("count-read")).isEqualTo("40000");
		assertThat(driver.findElements(By.cssSelector("#import-progress[hx-trigger]")))
			.as("a finished run stops polling")
			.isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aRunNamesThePossibleDuplicatesItFoundAndLinksToTheirReview() throws Exception {
		String m = marker();
		finished(this.imports.submit(csv("Fundația Comunitară Mureș " + m), "parteneri.csv", ImportOptions.defaults(),
				"API", ADMIN));
		ImportView run = finished(this.imports.submit(csv("Fundatia Comunitara Muresh " + m), "parteneri-2.csv",
				ImportOptions.defaults(), "API", ADMIN));
		assertThat(run.possibleDuplicates()).isEqualTo(1);
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		for (String lang : List.of("en", "pl", "ro")) {
			for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				driver.get(url("/imports/" + run.id() + "?lang=" + lang));
				browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("import-duplicates")));
				String section = text("import-duplicates");
				assertThat(section).contains("Fundația Comunitară Mureș " + m, "Fundatia Comunitara Muresh " + m)
					.doesNotContain("import.duplicates", "ORGANIZATION");
				browser.screenshot("import-run-duplicates-" + lang + "-" + size.getWidth());
			}
		}
		driver.manage().window().setSize(new Dimension(1366, 900));
		driver.get(url("/imports/" + run.id() + "?lang=en"));
		assertThat(text("import-duplicates")).contains("1 possible duplicate found");
		assertThat(driver.findElement(By.cssSelector("#import-duplicates-list a")).getAttribute("href"))
			.matches(".*/organizations/\\d+/merge/\\d+");
		browser.click(By.id("import-duplicates-queue"));
		browser.waitUntil(ExpectedConditions.urlContains("/duplicates?kind=ORGANIZATION&import=" + run.id()));
		assertThat(driver.findElements(By.cssSelector(".duplicate-pair"))).hasSize(1);
		assertThat(text("duplicates-of-import")).contains("Only the pairs an import found");
		browser.screenshot("duplicates-of-import-en-1366");
		for (String lang : List.of("pl", "ro")) {
			driver.manage().window().setSize(new Dimension(390, 844));
			driver.get(url("/duplicates?kind=ORGANIZATION&import=" + run.id() + "&lang=" + lang));
			browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("duplicates-of-import")));
			browser.screenshot("duplicates-of-import-" + lang + "-390");
			// a long reason ("nazwy zgodne bez znaków diakrytycznych i wielkości liter")
			// wraps
			// instead of pushing the page sideways on a phone
			JavascriptExecutor js = (JavascriptExecutor) driver;
			long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
			long clientWidth = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
			assertThat(scrollWidth).as(lang + ": no sideways scrolling").isLessThanOrEqualTo(clientWidth);
		}
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private ImportView finished(ImportView run) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(run.id()), ImportView::settled);
	}

	private static java.io.ByteArrayInputStream csv(String name) {
		return new java.io.ByteArrayInputStream(("Nume organizație;Țara\r\n" + name + ";Romania\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private void completed() {
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Completed"));
	}

	private String text(String id) {
		return browser.driver().findElement(By.id(id)).getText();
	}

	private List<ContactSummary> people(String q) {
		return this.contacts.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
