package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.Browser;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.organizationIn;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * A logged interaction read back and corrected in a real browser, in Polish: log it with
 * a summary and an outcome, open it from the timeline, correct the outcome, and read the
 * correction in its history as a sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:interactionit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + InteractionBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + InteractionBrowserIT.PASSWORD })
class InteractionBrowserIT {

	static final String ADMIN = "interaction-admin";

	static final String PASSWORD = "Interaction-Test-Pass-4821";

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	FollowUps followUps;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void logsOpensCorrectsAndReadsTheCorrectionInTheHistoryInPolish() {
		OrganizationDetails organization = this.organizations.create(organizationIn("Fundacja Nowa Szkoła",
				OrganizationType.FOUNDATION, "PL", "Gdańsk", "pl", PartnershipStage.CONTACTED));
		ContactDetails person = createMember(this.contacts,
				person("Halina", "Żółkiewska", "halina@example.pl", "pl", "PL"), organization.id(), "Dyrektorka");
		WebDriver driver = browser.driver();
		driver.manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(this.port, ADMIN, PASSWORD);

		driver.get(Browser.url(this.port, "/organizations/" + organization.id() + "?lang=pl"));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("timeline-heading")));
		browser.click(By.cssSelector("#timeline details > summary"));
		driver.findElement(By.id("subject")).sendKeys("Szkoła letnia 2026");
		driver.findElement(By.id("summary"))
			.sendKeys("Rozmowa o szkole letniej.\nChcą wysłać dwie osoby.\nPotrzebują noclegu.");
		driver.findElement(By.id("outcome")).sendKeys("Złożą wniosek do piątku");
		browser.click(By.cssSelector("#timeline input[name=contactIds]"));
		browser.click(By.cssSelector("#interaction-form button[type=submit]"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Interakcja została zapisana."));
		String entry = driver.findElement(By.id("timeline-entries")).getText();
		assertThat(entry)
			.contains("Szkoła letnia 2026", "Rozmowa o szkole letniej.", "Chcą wysłać dwie osoby. …",
					"Złożą wniosek do piątku", "Halina Żółkiewska")
			.doesNotContain("Potrzebują noclegu.");
		browser.screenshot("interaction-timeline-pl-1366");

		browser.click(By.cssSelector("#timeline-entries a.interaction-link"));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Szkoła letnia 2026"));
		String details = driver.findElement(By.tagName("main")).getText();
		assertThat(details)
			.contains("Fundacja Nowa Szkoła", "Halina Żółkiewska", "Rozmowa o szkole letniej.", "Potrzebują noclegu.",
					"Złożą wniosek do piątku", "Rozmowa telefoniczna", "Wychodzący", "Administrator")
			.as("who logged it, by name rather than login")
			.doesNotContain(ADMIN);
		assertThat(driver.findElement(By.cssSelector("#interaction-people a")).getAttribute("href"))
			.endsWith("/contacts/" + person.id());
		browser.screenshot("interaction-page-pl-1366");
		driver.manage().window().setSize(new Dimension(390, 844));
		browser.screenshot("interaction-page-pl-390");
		driver.manage().window().setSize(new Dimension(1366, 900));

		browser.click(By.id("edit-interaction"));
		WebElement outcome = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		outcome.clear();
		outcome.sendKeys("Wniosek złożony");
		browser.screenshot("interaction-edit-pl-1366");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Interakcja została zapisana."));
		assertThat(driver.findElement(By.id("interaction-outcome")).getText()).isEqualTo("Wniosek złożony");

		browser.click(By.cssSelector("#history a.btn"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("history"),
				"Wynik: zmiana z „Złożą wniosek do piątku” na „Wniosek złożony”"));
		String history = driver.findElement(By.id("history")).getText();
		assertThat(history).contains("Zmiana: interakcja „Szkoła letnia 2026”")
			.doesNotContain("outcome", "occurred_at", "staff_id", "OUTBOUND", "CALL")
			.as("the summary went through the form unchanged")
			.doesNotContain("Podsumowanie: zmiana");
		WebElement section = driver.findElement(By.id("history"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", section);
		browser.screenshot("interaction-history-pl-1366");
		driver.manage().window().setSize(new Dimension(390, 844));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", section);
		browser.screenshot("interaction-history-pl-390");
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	/**
	 * The pages outreach staff read every day, in each language on a laptop and a phone:
	 * screenshots under target/screenshots/ to look at, and no code, column name or bare
	 * id where a name belongs.
	 */
	@Test
	void readsTheDailyPagesInEachLanguageWithoutCodesOrColumnNames() {
		UserView author = Staff.create(this.users, Role.ADMIN);
		Staff.actAs(author);
		OrganizationDetails organization;
		InteractionView call;
		long openFollowUp;
		try {
			organization = this.organizations.create(organizationIn("Asociația Școala Deschisă", OrganizationType.NGO,
					"RO", "Cluj-Napoca", "ro", PartnershipStage.ENGAGED));
			ContactDetails person = createMember(this.contacts,
					person("Ioana", "Țărănescu", "ioana@example.ro", "ro", "RO"), organization.id(), "Directoare");
			call = this.interactions
				.log(new InteractionRequest(organization.id(), List.of(person.id()), InteractionType.CALL,
						Instant.parse("2026-01-10T10:00:00Z"), "Europe/Bucharest", Direction.OUTBOUND, "Școala de vară",
						"Discuție despre școala de vară.", "Trimit formularul", null, null, Set.of("școală"),
						new FollowUpRequest(LocalDate.parse("2026-02-01"), null, "Trimiteți programul"), null));
			InteractionView email = this.interactions.log(new InteractionRequest(organization.id(),
					List.of(person.id()), InteractionType.EMAIL, Instant.parse("2026-01-12T08:30:00Z"),
					"Europe/Bucharest", Direction.INBOUND, "Formularul primit", null, null, null, null, Set.of(),
					new FollowUpRequest(LocalDate.parse("2026-01-20"), null, "Confirmați primirea"), null));
			openFollowUp = followUpOf(call.id());
			long doneFollowUp = followUpOf(email.id());
			this.followUps.complete(doneFollowUp,
					new FollowUpCompletion(this.followUps.get(doneFollowUp, ZoneId.of("UTC")).version(), null),
					ZoneId.of("Europe/Bucharest"));
		}
		finally {
			Staff.logOut();
		}
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);
		List<String> pages = List.of("/interactions/" + call.id(), "/follow-ups/" + openFollowUp, "/follow-ups/done",
				"/organizations/" + organization.id() + "/timeline", "/organizations/" + organization.id(),
				"/admin/audit");
		List<String> problems = new ArrayList<>();
		for (String language : List.of("en", "pl", "ro")) {
			for (String path : pages) {
				for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
					driver.manage().window().setSize(size);
					driver.get(Browser.url(this.port, path + "?lang=" + language));
					browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
					String name = path.substring(1).replaceAll("[^a-z]+", "-").replaceAll("-+$", "");
					browser.screenshot("daily-" + name + "-" + language + "-" + size.getWidth());
					String text = driver.findElement(By.tagName("main")).getText();
					if (text.contains(author.username())) {
						problems.add(language + " " + path + ": the login " + author.username() + " for a name");
					}
					Matcher raw = RAW.matcher(text);
					while (raw.find()) {
						problems.add(language + " " + path + ": " + raw.group());
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/**
	 * Enum codes, snake_case column names, and ids such as "#26" standing for a record.
	 */
	private static final Pattern RAW = Pattern.compile(
			"\\b(OUTBOUND|INBOUND|CALL|EMAIL|MEETING_ONLINE|ENGAGED|CONTACTED|FOLLOW_UP|CREATED|CHANGED|DELETED)\\b"
					+ "|\\b[a-z]+_[a-z_]+\\b|#\\d+");

	private long followUpOf(long interactionId) {
		return this.jdbc.queryForObject("SELECT id FROM follow_up WHERE interaction_id = ?", Long.class, interactionId);
	}

}
