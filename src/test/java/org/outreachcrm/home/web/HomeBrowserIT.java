package org.outreachcrm.home.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.OrganizationDetails;
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
 * Daily work in a real browser: each role's home page, the top bar on one line in every
 * language, the keyboard search from any page; and screenshots of the main pages at a
 * laptop's and a phone's width in English, Polish and Romanian.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:homeit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + HomeBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + HomeBrowserIT.PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserIT {

	static final String ADMIN = "home-admin";

	static final String PASSWORD = "Home-Browser-Pass-4821";

	private static final String LODZ = "Fundația Științifică Łódź";

	// in Germany: outside the manager's countries (Poland, Romania)
	private static final String ELSEWHERE = "Stiftung Verborgen Bremen";

	private static final List<String> LANGUAGES = List.of("en", "pl", "ro");

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	long lodz;

	@BeforeAll
	void seed() {
		OrganizationDetails created = this.organizations
			.create(organizationIn(LODZ, OrganizationType.FOUNDATION, "PL", "Łódź", "pl", PartnershipStage.PARTNER));
		this.lodz = created.id();
		OrganizationDetails cluj = this.organizations.create(organizationIn("Asociația Tinerilor Cluj",
				OrganizationType.NGO, "RO", "Cluj-Napoca", "ro", PartnershipStage.ENGAGED));
		// created a week ago: within the managers' "last 30 days", which ends yesterday
		this.jdbc.update("UPDATE organization SET created_at = ? WHERE id IN (?, ?)",
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(7), this.lodz, cluj.id());
		this.organizations.create(organizationIn(ELSEWHERE, OrganizationType.FOUNDATION, "DE", "Bremen", "de",
				PartnershipStage.PROSPECT));
		this.jdbc.update("UPDATE organization SET phone = ? WHERE id = ?", "+48 42 123 45 67", this.lodz);
		this.users.create(new NewUser("home-staff", PASSWORD, "Ana Staff", null, Set.of(Role.STAFF), Set.of()));
		this.users.create(
				new NewUser("home-manager", PASSWORD, "Mihai Manager", null, Set.of(Role.MANAGER), Set.of("PL", "RO")));
	}

	@Test
	void theTopBarStaysOnOneLineAt1280PixelsInEveryLanguage() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1280, 900));
		browser.logIn(this.port, ADMIN, PASSWORD);
		for (String language : LANGUAGES) {
			driver.get(url("/organizations?lang=" + language));
			WebElement nav = browser
				.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.navbar")));
			List<WebElement> items = driver
				.findElements(By.cssSelector("nav.app-nav li.nav-item, nav.app-nav form.site-search"))
				.stream()
				.filter(WebElement::isDisplayed)
				.toList();
			assertThat(items).hasSizeGreaterThanOrEqualTo(7);
			int top = nav.getLocation().getY();
			int bottom = top + nav.getSize().getHeight();
			int middle = items.get(0).getLocation().getY() + items.get(0).getSize().getHeight() / 2;
			for (WebElement item : items) {
				int itemMiddle = item.getLocation().getY() + item.getSize().getHeight() / 2;
				assertThat(itemMiddle).as(language + ": " + item.getText() + " on the first line")
					.isBetween(middle - 6, middle + 6)
					.isBetween(top, bottom);
			}
			assertThat(nav.getSize().getHeight()).as(language + ": the bar is one line high").isLessThanOrEqualTo(64);
			browser.screenshot("top-bar-admin-1280-" + language);
		}
	}

	@Test
	void searchesFromTheKeyboardOnAnyPage() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, "home-staff", PASSWORD);
		driver.get(url("/meetings?lang=en"));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("site-search")));
		new Actions(driver).sendKeys("/").perform();
		browser.waitUntil((d) -> "site-search".equals(d.switchTo().activeElement().getAttribute("id")));
		WebElement search = driver.switchTo().activeElement();
		assertThat(search.getAttribute("placeholder")).as("a keyboard's hint names its key")
			.isEqualTo("Search… (press /)");
		search.sendKeys("lodz");
		browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#site-search-results.show .suggest-option")));
		assertThat(driver.findElement(By.id("site-search-results")).getText()).contains(LODZ, "Foundation", "Poland");
		browser.screenshot("search-suggestions-1366-en");
		search.sendKeys(Keys.ARROW_DOWN);
		assertThat(driver.findElement(By.id("suggest-o-" + this.lodz)).getAttribute("aria-selected")).isEqualTo("true");
		assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("suggest-o-" + this.lodz);
		search.sendKeys(Keys.ENTER);
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), LODZ));
		assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + this.lodz);

		// Esc closes the suggestions; Enter without a choice opens the full results page
		WebElement again = driver.findElement(By.id("site-search"));
		again.sendKeys("cluj");
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-search-results.show")));
		again.sendKeys(Keys.ESCAPE);
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#site-search-results.show")));
		again.sendKeys(Keys.ENTER);
		browser.waitUntil(ExpectedConditions.urlContains("/directory?q=cluj"));
		assertThat(driver.findElement(By.id("search-results")).getText()).contains("Asociația Tinerilor Cluj");
		assertThat(browser.consoleErrors()).as("search.js runs under the Content-Security-Policy").isEmpty();
	}

	@Test
	void onAPhoneTheSearchIsInTheBarWithoutOpeningTheMenu() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, "home-staff", PASSWORD);
		driver.manage().window().setSize(new Dimension(390, 844));
		driver.get(url("/meetings?lang=en"));
		WebElement toggler = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-toggler")));
		WebElement search = driver.findElement(By.id("site-search"));
		assertThat(search.isDisplayed()).as("the search stands in the collapsed bar").isTrue();
		assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).as("the menu stays closed").isFalse();
		int barMiddle = toggler.getLocation().getY() + toggler.getSize().getHeight() / 2;
		assertThat(search.getLocation().getY() + search.getSize().getHeight() / 2).as("on the toggler's line")
			.isBetween(barMiddle - 8, barMiddle + 8);
		assertThat(search.getSize().getWidth()).as("wide enough to type in").isGreaterThanOrEqualTo(120);
		// a phone has no "/" key: its hint says only what the field is for, and fits
		assertThat(search.getAttribute("placeholder")).isEqualTo("Search…");

		new Actions(driver).sendKeys("/").perform();
		browser.waitUntil((d) -> "site-search".equals(d.switchTo().activeElement().getAttribute("id")));
		search.sendKeys("lodz");
		WebElement results = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-search-results.show")));
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("suggest-o-" + this.lodz)));
		long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
		assertThat(results.getLocation().getX()).as("the suggestions start inside the screen")
			.isGreaterThanOrEqualTo(0);
		assertThat(results.getLocation().getX() + results.getSize().getWidth()).as("and end inside it")
			.isLessThanOrEqualTo((int) viewport);
		assertThat(results.getSize().getWidth()).as("as wide as the screen allows")
			.isGreaterThanOrEqualTo((int) viewport - 40);
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).as("no sideways scrolling")
			.isLessThanOrEqualTo(viewport);
		browser.screenshot("search-suggestions-390-en");
		search.sendKeys(Keys.ARROW_DOWN);
		assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("suggest-o-" + this.lodz);
		search.sendKeys(Keys.ENTER);
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), LODZ));
		assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + this.lodz);
		assertThat(driver.findElement(By.cssSelector(".navbar-toggler")).getAttribute("aria-expanded"))
			.as("the menu was never opened")
			.isEqualTo("false");
		assertThat(browser.consoleErrors()).isEmpty();
		driver.manage().window().setSize(new Dimension(1366, 900));
		logOut();
	}

	@Test
	void aScopedUsersSearchSaysNothingInTheirCountriesWithoutNamingWhatIsElsewhere() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, "home-manager", PASSWORD);
		WebElement search = browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("site-search")));
		search.sendKeys("verborgen");
		WebElement results = browser.waitUntil(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#site-search-results.show .suggest-empty")));
		assertThat(results.getText()).isEqualTo("Nothing in your countries.");
		assertThat(driver.findElement(By.id("site-search-results")).getText()).doesNotContain("Verborgen", "Bremen");
		browser.screenshot("search-out-of-scope-1366-en");
		search.sendKeys(Keys.ENTER);
		browser.waitUntil(ExpectedConditions.urlContains("/directory?q=verborgen"));
		assertThat(driver.findElement(By.id("out-of-scope")).getText()).isEqualTo("Nothing in your countries.");
		assertThat(driver.getPageSource()).doesNotContain(ELSEWHERE);

		// whoever may see Germany finds it
		logOut();
		browser.logIn(this.port, ADMIN, PASSWORD);
		driver.get(url("/directory?q=verborgen&lang=en"));
		assertThat(driver.findElement(By.id("search-results")).getText()).contains(ELSEWHERE);
		assertThat(driver.findElements(By.id("out-of-scope"))).isEmpty();
		logOut();
	}

	@Test
	void onAPhoneTheOrganizationListStacksItsKeyColumnsAndPhonesAreTelLinks() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, "home-staff", PASSWORD);
		driver.manage().window().setSize(new Dimension(390, 844));
		driver.get(url("/organizations?lang=en"));
		WebElement row = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By
			.xpath("//table[contains(@class,'table-stack')]//tr[.//a[@href='/organizations/" + this.lodz + "']]")));
		List<WebElement> cells = row.findElements(By.tagName("td"));
		WebElement name = cells.get(0);
		WebElement country = cells.get(2);
		WebElement stage = cells.get(3);
		assertThat(name.getText()).contains(LODZ);
		assertThat(country.getText()).isEqualTo("Poland");
		assertThat(stage.getText()).isEqualTo("Partner");
		long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
		for (WebElement cell : List.of(name, country, stage)) {
			assertThat(cell.isDisplayed()).isTrue();
			assertThat(cell.getLocation().getX() + cell.getSize().getWidth()).as("inside the screen")
				.isLessThanOrEqualTo((int) viewport);
		}
		assertThat(country.getLocation().getY()).as("stacked: one cell under the other")
			.isGreaterThan(name.getLocation().getY());
		assertThat(stage.getLocation().getY()).isGreaterThan(country.getLocation().getY());
		assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue()).as("no sideways scrolling")
			.isLessThanOrEqualTo(viewport);
		browser.screenshot("organizations-stacked-390-en");

		driver.get(url("/organizations/" + this.lodz + "?lang=en"));
		WebElement phone = browser
			.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[href^='tel:']")));
		assertThat(phone.getAttribute("href")).isEqualTo("tel:+48421234567");
		assertThat(phone.getText()).isEqualTo("+48 42 123 45 67");
		browser.screenshot("organization-phone-390-en");
		driver.manage().window().setSize(new Dimension(1366, 900));
		logOut();
	}

	@Test
	void choosesTwoCountriesByTypingTheirPolishNames() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, ADMIN, PASSWORD);
		driver.get(url("/reports?lang=pl"));
		WebElement typed = browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("countries-ts-control")));
		browser.choose("countries", "Polska", "Polska");
		browser.choose("countries", "rumu", "Rumunia");
		typed.sendKeys(Keys.ESCAPE);
		List<String> chips = driver.findElements(By.cssSelector(".ts-control .item"))
			.stream()
			.map((chip) -> chip.getAttribute("data-value"))
			.toList();
		assertThat(chips).containsExactly("PL", "RO");
		assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("countries")))
			.getAllSelectedOptions()
			.stream()
			.map((o) -> o.getAttribute("value"))
			.toList()).containsExactlyInAnyOrder("PL", "RO");
		browser.screenshot("report-countries-chosen-1366-pl");

		// a typed code finds its country too
		typed.sendKeys("de");
		browser.waitUntil(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector(".ts-dropdown .option.active"), "Niemcy"));
		typed.sendKeys(Keys.ESCAPE);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void eachRoleLandsOnItsOwnHomePage() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));

		browser.logIn(this.port, "home-staff", PASSWORD);
		assertThat(driver.findElement(By.id("home-staff")).getText()).contains("Follow-ups due", "Log an interaction");
		assertThat(driver.findElements(By.id("home-overview"))).isEmpty();
		driver.findElement(By.id("log-q")).sendKeys("lodz");
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#log-targets a")));
		browser.click(By.cssSelector("#log-targets a"));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), LODZ));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.log-interaction[open]")));
		assertThat(driver.findElement(By.cssSelector("details.log-interaction")).getAttribute("open"))
			.as("the quick log opens the organization's log form")
			.isNotNull();
		logOut();

		browser.logIn(this.port, "home-manager", PASSWORD);
		// the map and the organizations per country arrive after the page
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("world-map"), "data-ready", "true"));
		assertThat(driver.findElement(By.id("home-overview")).getText()).contains("Interactions", "New organizations",
				"Poland", "Romania");
		assertThat(driver.findElements(By.cssSelector("#world-map canvas"))).as("the map drew offline").isNotEmpty();
		assertThat(driver.findElements(By.id("home-staff"))).isEmpty();
		logOut();

		browser.logIn(this.port, ADMIN, PASSWORD);
		assertThat(driver.findElement(By.id("home-admin")).getText()).contains("Recent imports",
				"Failed report deliveries", "Accounts needing attention");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void screenshotsOfTheMainPagesAtBothWidthsInEveryLanguage() {
		WebDriver driver = browser.driver();
		List<Shot> shots = List.of(new Shot("home-staff", "home-staff", "/"),
				new Shot("home-manager", "home-manager", "/"), new Shot(ADMIN, "home-admin", "/"),
				new Shot(ADMIN, "organizations", "/organizations"),
				new Shot(ADMIN, "organization", "/organizations/" + this.lodz),
				new Shot(ADMIN, "contacts", "/contacts"), new Shot(ADMIN, "follow-ups", "/follow-ups"),
				new Shot(ADMIN, "reports", "/reports"), new Shot(ADMIN, "users", "/admin/users"));
		String loggedIn = null;
		for (Shot shot : shots) {
			if (!shot.user().equals(loggedIn)) {
				if (loggedIn != null) {
					logOut();
				}
				driver.manage().window().setSize(new Dimension(1366, 900));
				browser.logIn(this.port, shot.user(), PASSWORD);
				loggedIn = shot.user();
			}
			for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				for (String language : LANGUAGES) {
					driver.get(url(shot.path() + "?lang=" + language));
					browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
					// parts htmx loads after the page (the timeline) are in the picture
					// too
					browser.waitUntil((d) -> d.findElements(By.cssSelector("main [hx-trigger='load']")).isEmpty());
					if (!driver.findElements(By.id("world-map")).isEmpty()) {
						browser.waitUntil(ExpectedConditions.attributeToBe(By.id("world-map"), "data-ready", "true"));
					}
					browser.screenshot(shot.name() + "-" + size.getWidth() + "-" + language);
					Object scrollWidth = js("return document.documentElement.scrollWidth");
					Object clientWidth = js("return document.documentElement.clientWidth");
					assertThat(((Number) scrollWidth).longValue())
						.as(shot.name() + " at " + size.getWidth() + " px in " + language + ": no sideways scrolling")
						.isLessThanOrEqualTo(((Number) clientWidth).longValue());
				}
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	private Object js(String script) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script);
	}

	private void logOut() {
		browser.driver().get(url("/?lang=en"));
		js("document.querySelector('form[action=\"/logout\"]').submit()");
		browser.waitUntil(ExpectedConditions.urlContains("/login"));
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

	record Shot(String user, String name, String path) {
	}

}
