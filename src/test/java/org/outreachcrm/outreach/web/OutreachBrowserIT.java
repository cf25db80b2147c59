package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.organizationIn;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * Outreach work in a real browser: log an interaction from an organization's page and see
 * it on the timeline without the page reloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:outreachit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + OutreachBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + OutreachBrowserIT.PASSWORD })
class OutreachBrowserIT {

	static final String ADMIN = "outreach-admin";

	static final String PASSWORD = "Outreach-Test-Pass-7310";

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void logsAnInteractionFromTheOrganizationPageWithoutReloading() {
		OrganizationDetails organization = this.organizations.create(organizationIn("Stowarzyszenie Młodzieży Śląskiej",
				OrganizationType.NGO, "PL", "Katowice", "pl", PartnershipStage.PROSPECT));
		ContactDetails person = createMember(this.contacts, person("Zofia", "Wójcik", "zofia@example.pl", "pl", "PL"),
				organization.id(), "Prezes");
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(url("/organizations/" + organization.id()));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("timeline-heading")));
		// a page that reloads loses this mark
		((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
		browser.click(By.cssSelector("#timeline details > summary"));
		assertThat(driver.findElement(By.id("date")).getAttribute("value")).as("defaults to today").isNotBlank();
		driver.findElement(By.id("subject")).sendKeys("Zaproszenie na szkołę letnią");
		driver.findElement(By.id("summary")).sendKeys("Interested, will confirm by Friday.");
		browser.click(By.cssSelector("#timeline input[name=contactIds]"));
		// typing into a date field depends on the browser's locale; the value does not
		((JavascriptExecutor) driver).executeScript("arguments[0].value = '2030-01-15';",
				driver.findElement(By.id("followUpDueOn")));
		browser.screenshot("interaction-form");
		browser.click(By.cssSelector("#interaction-form button[type=submit]"));

		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "The interaction was logged."));
		String timeline = driver.findElement(By.id("timeline-entries")).getText();
		assertThat(timeline).contains("Zaproszenie na szkołę letnią", "Call", "due 15 Jan 2030", "Added as Prospect");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
		browser.screenshot("organization-timeline");

		driver.get(url("/contacts/" + person.id() + "?lang=pl"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Zaproszenie na szkołę letnią"));
		browser.click(By.cssSelector("#timeline details > summary"));
		assertThat(new Select(driver.findElement(By.id("log-organizationId"))).getFirstSelectedOption().getText())
			.as("the person's organization is the default")
			.isEqualTo(organization.name());
		browser.screenshot("contact-timeline-pl");
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	@Test
	void completesFollowUpsWithOneClickOrLoggingTheInteraction() {
		OrganizationDetails organization = this.organizations.create(organizationIn("Fundacja Otwarty Kraków",
				OrganizationType.FOUNDATION, "PL", "Kraków", "pl", PartnershipStage.CONTACTED));
		long me = this.users.findByUsername(ADMIN).orElseThrow().id();
		logWithFollowUp(organization.id(), me, "Send the programme", LocalDate.now().minusDays(3));
		logWithFollowUp(organization.id(), me, "Call about the budget", LocalDate.now().plusDays(5));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		// the top bar groups outreach pages under one menu
		browser.click(By.id("nav-outreach"));
		browser.click(By.linkText("My follow-ups"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-ups"), "Overdue"));
		String list = driver.findElement(By.id("follow-ups")).getText();
		assertThat(list.indexOf("Send the programme")).as("overdue first").isLessThan(list.indexOf("Call about"));
		browser.screenshot("follow-ups");
		((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");

		browser.click(By.cssSelector("#follow-ups tbody tr:first-child .complete-button"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("follow-ups"), "The follow-up is done."));
		assertThat(driver.findElement(By.id("follow-ups")).getText()).doesNotContain("Send the programme")
			.contains("Call about the budget");

		browser.click(By.cssSelector("#follow-ups tbody tr:first-child .complete-and-log > summary"));
		new Select(driver.findElement(By.cssSelector("#follow-ups tbody tr:first-child select[name=type]")))
			.selectByValue("EMAIL");
		driver.findElement(By.cssSelector("#follow-ups tbody tr:first-child input[name=subject]"))
			.sendKeys("Budget agreed by e-mail");
		browser.screenshot("follow-up-complete-and-log");
		browser.click(By.cssSelector("#follow-ups tbody tr:first-child .complete-and-log button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-ups"),
				"The follow-up is done and the interaction was logged."));
		assertThat(driver.findElement(By.id("follow-ups")).getText()).contains("Nothing to follow up");
		assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
		browser.screenshot("follow-ups-done");

		driver.get(url("/organizations/" + organization.id()));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Budget agreed by e-mail"));
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	@Test
	void createsACampaignAndFollowsItsProgress() {
		OrganizationDetails target = this.organizations.create(organizationIn("Liga Studenților Timișoara",
				OrganizationType.NGO, "RO", "Timișoara", "ro", PartnershipStage.ENGAGED));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		browser.click(By.id("nav-outreach"));
		browser.click(By.linkText("Campaigns"));
		browser.click(By.linkText("New campaign"));
		driver.findElement(By.id("name")).sendKeys("Student unions 2026");
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.id("startsOn")), LocalDate.now().minusDays(10).toString());
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Student unions 2026"));

		driver.findElement(By.id("target-search")).sendKeys("timisoara");
		browser.waitUntil(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#target-organizationId option[value]:not([value=''])")));
		new Select(driver.findElement(By.id("target-organizationId"))).selectByIndex(1);
		browser.click(By.cssSelector("form[action$='/targets'] button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
				"The organization is now a target."));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(target.name(),
				"Engaged or partner: 1 of 1", "Not reached yet: 1 of 1", "Romania");
		browser.screenshot("campaign-detail");
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	@Test
	void pagesThroughOrganizationsGoingColdInEveryLanguageOnAPhoneAndALaptop() {
		// one page and one more: the pager appears; silent for 400 days, longer than the
		// other tests' organizations, so that these fill the pages
		for (int i = 0; i <= ColdOrganizationPageController.PAGE_SIZE; i++) {
			long id = this.organizations
				.create(organizationIn("Asociația Tinerilor din Țara Bârsei nr. " + i, OrganizationType.NGO, "RO",
						"Brașov", "ro", PartnershipStage.PROSPECT))
				.id();
			this.jdbc.update("UPDATE organization SET created_at = ? WHERE id = ?",
					java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(400))), id);
			this.jdbc.update("UPDATE outreach_organization SET known_since = ? WHERE organization_id = ?",
					java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(400))), id);
		}
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);
		record Labels(String lang, String previous, String next, String firstPage, String lastPage) {
		}
		JavascriptExecutor js = (JavascriptExecutor) driver;
		for (Labels labels : List.of(new Labels("en", "Previous", "Next", "Page 1", "Page 2 of 2"),
				new Labels("pl", "Poprzednia", "Następna", "Strona 1", "Strona 2 z 2"),
				new Labels("ro", "Înapoi", "Înainte", "Pagina 1", "Pagina 2 din 2"))) {
			for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				String at = labels.lang() + "-" + size.getWidth();
				driver.get(url("/outreach/going-cold?lang=" + labels.lang()));
				browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("cold-pages")));
				assertThat(driver.findElement(By.id("cold-pages")).getText()).as(at)
					.contains(labels.previous(), labels.firstPage(), labels.next())
					.doesNotContain("list.", "of 2");
				assertThat(driver.findElements(By.cssSelector("#cold-pages a[rel=prev]"))).as(at + ": no way back")
					.isEmpty();
				assertNoSidewaysScrolling(js, at);
				js.executeScript(
						"document.getElementById('cold-pages').scrollIntoView({block: 'center', behavior: 'instant'})");
				browser.screenshot("going-cold-pager-" + at + "-page1");

				browser.click(By.cssSelector("#cold-pages a[rel=next]"));
				browser.waitUntil(
						ExpectedConditions.textToBePresentInElementLocated(By.id("cold-pages"), labels.lastPage()));
				assertThat(driver.findElement(By.id("cold-pages")).getText()).as(at).contains(labels.previous());
				assertThat(driver.findElements(By.cssSelector("#cold-pages a[rel=next]"))).as(at + ": no way on")
					.isEmpty();
				assertNoSidewaysScrolling(js, at);
				js.executeScript(
						"document.getElementById('cold-pages').scrollIntoView({block: 'center', behavior: 'instant'})");
				browser.screenshot("going-cold-pager-" + at + "-page2");
				// after the screenshot: the longest label the pager shows: a last page
				// with three digits
				js.executeScript("document.querySelector('#cold-pages .active .page-link').textContent = arguments[0];",
						labels.lastPage().replace("2", "123"));
				assertThat(js.executeScript(
						"""
								const items = document.querySelectorAll('#cold-pages .page-item');
								return items[0].getBoundingClientRect().top === items[items.length - 1].getBoundingClientRect().top;"""))
					.as(at + ": the pager stays on one line")
					.isEqualTo(true);
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	private static void assertNoSidewaysScrolling(JavascriptExecutor js, String at) {
		long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long clientWidth = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scrollWidth).as(at + ": no sideways scrolling").isLessThanOrEqualTo(clientWidth);
		// nor inside the table's own scrolling box: on a phone the rows stack
		assertThat(js.executeScript(
				"const box = document.getElementById('cold-table').parentElement; return box.scrollWidth <= box.clientWidth;"))
			.as(at + ": the table does not scroll sideways")
			.isEqualTo(true);
	}

	private void logWithFollowUp(long organizationId, long staffId, String note, LocalDate dueOn) {
		this.interactions.log(new InteractionRequest(organizationId, List.of(), InteractionType.CALL,
				Instant.now().minusSeconds(3600), "Europe/Warsaw", Direction.OUTBOUND, "Call", null, null, staffId,
				null, Set.of(), new FollowUpRequest(dueOn, staffId, note), null));
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
