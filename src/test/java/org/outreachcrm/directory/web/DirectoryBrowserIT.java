package org.outreachcrm.directory.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.organizationIn;

/**
 * The directory in a real browser: log in, create an organization whose name needs
 * diacritics, find it through the active search typing without them, open it; link a
 * person to an organization through the htmx forms; never overwrite a colleague's change
 * silently.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:uiit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + DirectoryBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + DirectoryBrowserIT.PASSWORD })
class DirectoryBrowserIT {

	static final String ADMIN = "browser-admin";

	static final String PASSWORD = "Browser-Test-Pass-4821";

	private static final String NAME = "Fundația Științifică Łódź";

	@Autowired
	Organizations organizations;

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void findsNewOrganizationWithoutTypingDiacritics() {
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(url("/organizations/new"));
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
		assertThat(driver.findElement(By.id("name")).getAttribute("aria-describedby")).isEqualTo("name-error");
		browser.screenshot("organization-validation");
		driver.findElement(By.id("name")).sendKeys(NAME);
		new Select(driver.findElement(By.id("type"))).selectByValue("FOUNDATION");
		browser.choose("country", "pol", "Poland");
		assertThat(new Select(driver.findElement(By.id("country"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("PL");
		driver.findElement(By.id("city")).sendKeys("Łódź");
		driver.findElement(By.id("tags")).sendKeys("science, education");
		browser.screenshot("organization-new");
		browser.click(By.cssSelector("main form button[type=submit]"));
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
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	@Test
	void linksAPersonToAnOrganizationWithoutReloadingThePage() {
		this.organizations.create(organizationIn("Asociația Tinerilor Cluj", OrganizationType.NGO, "RO", "Cluj-Napoca",
				"ro", PartnershipStage.ENGAGED));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(url("/contacts/new?lang=pl"));
		driver.findElement(By.id("givenName")).sendKeys("Ștefan");
		driver.findElement(By.id("familyName")).sendKeys("Mărgărit");
		driver.findElement(By.id("emails")).sendKeys("stefan@example.ro");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Ștefan Mărgărit"));

		// the htmx picker fills the <select> from /organizations/options
		driver.findElement(By.id("organization-search")).sendKeys("tinerilor");
		browser.waitUntil(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#organizationId option[value]:not([value=''])")));
		new Select(driver.findElement(By.id("organizationId"))).selectByIndex(1);
		driver.findElement(By.id("role")).sendKeys("Koordynator");
		WebElement marker = driver.findElement(By.id("affiliations"));
		browser.click(By.cssSelector("#affiliations form.card button[type=submit]"));

		// an htmx POST: it only succeeds when app.js sent the CSRF header
		browser.waitUntil(ExpectedConditions.stalenessOf(marker));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("affiliations"),
				"Powiązanie zostało dodane."));
		assertThat(driver.findElement(By.id("affiliations")).getText()).contains("Asociația Tinerilor Cluj",
				"Koordynator");
		browser.screenshot("contact-detail-pl");
		assertThat(browser.consoleErrors()).as("htmx and app.js run under the Content-Security-Policy").isEmpty();

		driver.manage().window().setSize(new Dimension(820, 1180));
		driver.get(url("/organizations?lang=en"));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#organization-results table")));
		browser.screenshot("organization-list-tablet");
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void showsTheirVersionInsteadOfOverwritingIt() {
		OrganizationDetails created = this.organizations
			.create(new OrganizationRequest("Związek Nauczycieli", OrganizationType.TRADE_UNION, "PL", "Kraków", null,
					null, null, List.of(), null, null, null, Set.of(), null));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);
		driver.get(url("/organizations/" + created.id() + "/edit"));
		WebElement city = driver.findElement(By.id("city"));
		city.clear();
		city.sendKeys("Gdańsk");

		// meanwhile a colleague saves another change
		this.organizations.update(created.id(),
				new OrganizationRequest("Związek Nauczycieli Polskich", OrganizationType.TRADE_UNION, "PL", "Kraków",
						null, null, null, List.of(), null, null, null, Set.of(), created.version()));
		browser.click(By.cssSelector("main form button[type=submit]"));

		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("theirs")));
		assertThat(driver.findElement(By.id("theirs")).getText()).contains("Związek Nauczycieli Polskich");
		assertThat(driver.findElement(By.id("form-errors")).getText())
			.contains("Someone else changed this organization while you were editing");
		assertThat(driver.findElement(By.id("city")).getAttribute("value")).isEqualTo("Gdańsk");
		assertThat(this.organizations.get(created.id()).city()).as("nothing overwritten yet").isEqualTo("Kraków");
		browser.screenshot("organization-conflict");

		// the conflict page was answered at the organization's own address: wait for the
		// form to be replaced, not only for that address, or the check below races the
		// save
		WebElement conflictForm = driver.findElement(By.cssSelector("main form"));
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.stalenessOf(conflictForm));
		browser.waitUntil(ExpectedConditions.urlMatches("/organizations/\\d+$"));
		assertThat(this.organizations.get(created.id()).city()).as("saved on purpose").isEqualTo("Gdańsk");

		driver.get(url("/organizations/" + created.id() + "?lang=ro"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Sindicat"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Polonia", "Potențial partener");
		browser.screenshot("organization-detail-ro");

		driver.get(url("/admin/users?lang=en"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), ADMIN));
		browser.screenshot("users-list");
		driver.get(url("/admin/users/new"));
		browser.screenshot("users-new");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
