package org.outreachcrm.duplicates.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.testsupport.Browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicates page's scans panel in a real browser: "scan now" queues a scan, the
 * panel follows it to the end without the page reloading, and it reads well in English,
 * Polish and Romanian on a laptop and a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:duplicatesit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + DuplicatesBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + DuplicatesBrowserIT.PASSWORD })
class DuplicatesBrowserIT {

	static final String ADMIN = "duplicates-admin";

	static final String PASSWORD = "Duplicates-Test-Pass-4417";

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void startsAScanFollowsItAndReadsWellInEveryLanguageOnAPhoneAndALaptop() {
		WebDriver driver = browser.driver();
		JavascriptExecutor js = (JavascriptExecutor) driver;
		browser.logIn(this.port, ADMIN, PASSWORD);
		driver.manage().window().setSize(new Dimension(1366, 900));

		driver.get(url("/duplicates?lang=en"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate-scans")));
		assertThat(text("scans-ORGANIZATION")).contains("Organizations", "No scan yet.");
		browser.screenshot("duplicate-scans-none-en-1366");
		browser.click(By.cssSelector("#scans-ORGANIZATION .scan-now"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(text("flash")).isEqualTo("The scan is queued; its progress is shown under Full scans.");
		js.executeScript("window.notReloaded = true;");
		// the panel asks for itself again until the scan is over
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("scans-ORGANIZATION"), "Finished"));
		assertThat(text("scans-ORGANIZATION")).containsPattern("(no new pairs|\\d+ new pairs?)")
			.containsPattern("· \\d{1,2} \\w{3} \\d{4}");
		assertThat(js.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(driver.findElement(By.cssSelector("#scans-ORGANIZATION .scan-now")).isEnabled()).isTrue();

		record Labels(String lang, String title, String finished, String now) {
		}
		for (Labels labels : List.of(new Labels("en", "Full scans", "Finished", "Scan now"),
				new Labels("pl", "Pełne skanowanie", "Zakończone", "Skanuj teraz"),
				new Labels("ro", "Scanări complete", "Încheiată", "Scanați acum"))) {
			for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				String at = labels.lang() + "-" + size.getWidth();
				driver.get(url("/duplicates?lang=" + labels.lang()));
				browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate-scans")));
				assertThat(text("duplicate-scans")).as(at)
					.contains(labels.title(), labels.finished(), labels.now())
					.doesNotContain("duplicates.scans", "ScanStatus", "COMPLETED", "ORGANIZATION");
				long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth"))
					.longValue();
				long clientWidth = ((Number) js.executeScript("return document.documentElement.clientWidth"))
					.longValue();
				assertThat(scrollWidth).as(at + ": no sideways scrolling").isLessThanOrEqualTo(clientWidth);
				browser.screenshot("duplicate-scans-" + at);
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	private String text(String id) {
		return browser.driver().findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
