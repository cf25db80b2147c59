package org.outreachcrm.shared.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trust in a real browser: a script stored in an organization's name shows as text and
 * never runs; a user limited to Poland never finds a Romanian organization.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:trustit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + TrustBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + TrustBrowserIT.PASSWORD })
class TrustBrowserIT {

	static final String ADMIN = "trust-admin";

	static final String PASSWORD = "Browser-Test-Pass-4821";

	static final String PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>";

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void aScriptInAnOrganizationNameRendersAsText() {
		OrganizationDetails organization = this.organizations.create(new OrganizationRequest("Evil " + PAYLOAD,
				OrganizationType.NGO, "PL", null, null, null, null, List.of(), PAYLOAD, null, null, Set.of(), null));
		WebDriver driver = browser.driver();
		logIn(driver, ADMIN, PASSWORD);

		driver.get(url("/organizations/" + organization.id()));
		WebElement title = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(title.getText()).isEqualTo("Evil " + PAYLOAD);
		assertNoAlert(driver);

		driver.get(url("/directory"));
		driver.findElement(By.id("q")).sendKeys("evil");
		WebElement hit = browser.waitUntil(
				ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results a[href^='/organizations/']")));
		assertThat(hit.getText()).contains("<script>alert(1)</script>");
		assertNoAlert(driver);
		assertThat(driver.findElements(By.cssSelector("main script, main img[src='x']"))).isEmpty();
		browser.screenshot("xss-as-text");
	}

	@Test
	void aScopedUsersSearchNeverShowsAnotherCountrysOrganization() {
		this.organizations.create(new OrganizationRequest("Scopetest Fundacja Warszawa", OrganizationType.NGO, "PL",
				null, null, null, null, List.of(), null, null, null, Set.of(), null));
		this.organizations.create(new OrganizationRequest("Scopetest Asociatia Iasi", OrganizationType.NGO, "RO", null,
				null, null, null, List.of(), null, null, null, Set.of(), null));
		this.users.create(new NewUser("coordinator-pl", "Coordinator-Pass-4821", "Coordinator PL", null,
				Set.of(Role.STAFF), Set.of("PL")));
		WebDriver driver = browser.driver();
		logIn(driver, "coordinator-pl", "Coordinator-Pass-4821");

		driver.get(url("/directory"));
		driver.findElement(By.id("q")).sendKeys("scopetest");
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"),
				"Scopetest Fundacja Warszawa"));
		assertThat(driver.findElement(By.id("search-results")).getText()).doesNotContain("Iasi");

		driver.get(url("/organizations?q=scopetest"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Warszawa"));
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Iasi");
		browser.screenshot("scoped-search");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static void assertNoAlert(WebDriver driver) {
		assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}

	private void logIn(WebDriver driver, String username, String password) {
		// each test logs in as someone else: start without the last one's session
		driver.manage().deleteAllCookies();
		browser.logIn(this.port, username, password);
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
