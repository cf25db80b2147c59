package org.outreachcrm.directory.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * Lists and searches above the count cap as people see them: the cap is the default
 * 1,000, so the lower bound is a number that needs grouping, and the words around it need
 * the plural form of each language; the phone's top bar shows the short search hint.
 * Screenshots at a laptop's and a phone's width in English, Polish and Romanian.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:capit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.directory.count-cap=1000", "crm.accounts.initial-admin.username=" + DirectoryCapBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + DirectoryCapBrowserIT.PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryCapBrowserIT {

	static final String ADMIN = "cap-admin";

	static final String PASSWORD = "Cap-Browser-Pass-4821";

	private static final int MANY = 1_010;

	private static final List<String> LANGUAGES = List.of("en", "pl", "ro");

	private static final List<Dimension> SIZES = List.of(new Dimension(1366, 900), new Dimension(390, 844));

	/**
	 * What each language says above the cap (as the page holds it: Polish groups with a
	 * no-break space, so that the number never breaks across lines), and its short search
	 * hint.
	 */
	private static final Map<String, String> MORE_THAN = Map.of("en", "More than 1,000 found", "pl",
			"Znaleziono ponad 1\u00a0000 wyników", "ro", "Peste 1.000 de rezultate");

	private static final Map<String, String> BADGE = Map.of("en", "1,000+", "pl", "1\u00a0000+", "ro", "1.000+");

	private static final Map<String, String> SHORT_HINT = Map.of("en", "Search…", "pl", "Szukaj…", "ro", "Căutați…");

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@LocalServerPort
	int port;

	@BeforeAll
	void moreThanTheCap() {
		OrganizationType[] types = OrganizationType.values();
		String[] countries = { "PL", "RO", "DE", "FR" };
		for (int i = 0; i < MANY; i++) {
			String country = countries[i % countries.length];
			this.organizations.create(organization("Stowarzyszenie Współpracy Międzynarodowej Kowalczyk " + i,
					types[i % types.length], country));
			this.contacts.create(person("Ștefania", "Kowalczyk-Mărgărit " + i, null, country));
		}
	}

	@Test
	void listsAndSearchAboveTheCapSayMoreThanInEveryLanguageAndWidth() {
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, ADMIN, PASSWORD);
		for (Dimension size : SIZES) {
			driver.manage().window().setSize(size);
			for (String language : LANGUAGES) {
				String suffix = size.getWidth() + "-" + language;
				for (String list : List.of("organizations", "contacts")) {
					driver.get(url("/" + list + "?lang=" + language));
					WebElement results = browser.waitUntil(
							ExpectedConditions.presenceOfElementLocated(By.id(list.replaceAll("s$", "") + "-results")));
					assertThat(text(results.findElement(By.tagName("p")))).as(list + " " + suffix)
						.isEqualTo(MORE_THAN.get(language));
					WebElement pager = results.findElement(By.cssSelector("nav .pagination"));
					assertThat(pager.findElement(By.cssSelector(".active")).getText()).as(list + " " + suffix)
						.doesNotContain("1,0", "1.0", "1 0")
						.endsWith("1");
					assertThat(pager.findElements(By.cssSelector(".page-item.disabled a")))
						.as("the next page is offered")
						.hasSize(1);
					noSidewaysScrolling(list + " " + suffix);
					browser.screenshot(list + "-above-cap-" + suffix);
					// and the pager, below the fold
					scrollTo(pager);
					browser.screenshot(list + "-pager-above-cap-" + suffix);
				}
				driver.get(url("/contacts?page=40&lang=" + language));
				WebElement deep = browser
					.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("contact-results")));
				assertThat(deep.findElement(By.cssSelector(".pagination .active")).getText()).as("page 41 " + suffix)
					.endsWith("41");
				assertThat(deep.findElements(By.cssSelector("tbody tr"))).as("the last page's rows").hasSize(10);
				scrollTo(deep.findElement(By.cssSelector(".pagination")));
				browser.screenshot("contacts-last-page-" + suffix);

				driver.get(url("/directory?q=kowalczyk&lang=" + language));
				WebElement found = browser
					.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("found-contacts")));
				assertThat(text(found.findElement(By.className("badge")))).isEqualTo(BADGE.get(language));
				assertThat(text(driver.findElement(By.cssSelector("#found-organizations .badge"))))
					.isEqualTo(BADGE.get(language));
				noSidewaysScrolling("search " + suffix);
				browser.screenshot("search-above-cap-" + suffix);

				if (size.getWidth() < 576) {
					assertThat(driver.findElement(By.id("site-search")).getAttribute("placeholder")).as(suffix)
						.isEqualTo(SHORT_HINT.get(language));
				}
			}
		}
		assertThat(browser.consoleErrors()).isEmpty();
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	/**
	 * The element's text as the page holds it (WebDriver's text turns no-break spaces
	 * into spaces).
	 */
	private static String text(WebElement element) {
		return ((String) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].textContent",
				element))
			.strip();
	}

	// instant: Bootstrap makes scrolling smooth, and the picture would be taken mid-way
	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
	}

	private void noSidewaysScrolling(String what) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long clientWidth = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scrollWidth).as(what + ": no sideways scrolling").isLessThanOrEqualTo(clientWidth);
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
