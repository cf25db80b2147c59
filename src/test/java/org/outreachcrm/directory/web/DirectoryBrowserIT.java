package org.outreachcrm.directory.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.outreachcrm.testsupport.Browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory in a real browser: log in, create an organization whose name needs
 * diacritics, find it through the active search typing without them, open it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:uiit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + DirectoryBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + DirectoryBrowserIT.PASSWORD })
class DirectoryBrowserIT {

	static final String ADMIN = "browser-admin";

	static final String PASSWORD = "Browser-Test-Pass-4821";

	private static final String NAME = "Fundația Științifică Łódź";

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void findsNewOrganizationWithoutTypingDiacritics() {
		WebDriver driver = browser.driver();
		logIn(driver);

		driver.get(url("/organizations/new"));
		driver.findElement(By.id("name")).sendKeys(NAME);
		new Select(driver.findElement(By.id("type"))).selectByValue("FOUNDATION");
		new Select(driver.findElement(By.id("country"))).selectByValue("PL");
		driver.findElement(By.id("city")).sendKeys("Łódź");
		driver.findElement(By.id("tags")).sendKeys("science, education");
		browser.screenshot("organization-new");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(ExpectedConditions.urlMatches("/organizations/\\d+$"));
		String detailUrl = driver.getCurrentUrl();

		driver.get(url("/directory"));
		driver.findElement(By.id("q")).sendKeys("stiintifica lodz");
		WebElement hit = browser.waitUntil(
				ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results a[href^='/organizations/']")));
		assertThat(hit.getText()).isEqualTo(NAME);
		assertThat(driver.getCurrentUrl()).as("active search keeps the query in the address").contains("q=stiintifica");
		browser.screenshot("directory-search");

		hit.click();
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), NAME));
		assertThat(driver.getCurrentUrl()).isEqualTo(detailUrl);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Poland", "Foundation", "science");
		browser.screenshot("organization-detail");

		driver.get(url("/organizations"));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#organization-results table")));
		browser.screenshot("organization-list");

		driver.get(detailUrl + "/edit");
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("name"), "value", NAME));
		browser.screenshot("organization-edit");
	}

	private void logIn(WebDriver driver) {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(ADMIN);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(ExpectedConditions.urlContains("/directory"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
