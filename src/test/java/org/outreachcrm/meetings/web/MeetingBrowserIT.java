package org.outreachcrm.meetings.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.testsupport.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.organizationIn;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * A meeting in a real browser: invite a person through the picker, record that they
 * attended, and find the EVENT interaction on their organization's timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:meetingit;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=" + MeetingBrowserIT.ADMIN,
		"crm.accounts.initial-admin.password=" + MeetingBrowserIT.PASSWORD })
class MeetingBrowserIT {

	static final String ADMIN = "meeting-admin";

	static final String PASSWORD = "Meeting-Test-Pass-5527";

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Meetings meetings;

	@Autowired
	UserAccounts users;

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Test
	void recordsAttendanceAndShowsTheEventOnTheOrganizationsTimeline() {
		OrganizationDetails organization = this.organizations.create(organizationIn("Sindicatul Profesorilor Iași",
				OrganizationType.TRADE_UNION, "RO", "Iași", "ro", PartnershipStage.ENGAGED));
		ContactDetails person = createMember(this.contacts, person("Ioana", "Popescu", "ioana@example.ro", "ro", "RO"),
				organization.id(), "Secretar");
		long me = this.users.findByUsername(ADMIN).orElseThrow().id();
		MeetingView meeting = this.meetings.create(
				new MeetingRequest("Coordination meeting Bucharest 2026", null, Instant.parse("2026-05-12T07:00:00Z"),
						Instant.parse("2026-05-12T15:00:00Z"), "Europe/Bucharest", "Hotel Central", null, me, null));
		WebDriver driver = browser.driver();
		browser.logIn(this.port, ADMIN, PASSWORD);

		browser.click(By.linkText("Meetings"));
		browser.click(By.linkText(meeting.title()));
		browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), meeting.title()));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("12 May 2026, 10:00 – 18:00",
				"Europe/Bucharest");

		// a flash message shows once: the next change made on the page takes it away
		browser.click(By.linkText("Edit"));
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "saved"));

		driver.findElement(By.id("invite-contact-search")).sendKeys("popescu");
		browser.waitUntil(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#invite-contactId option[value]:not([value=''])")));
		new Select(driver.findElement(By.id("invite-contactId"))).selectByIndex(1);
		WebElement section = driver.findElement(By.id("delegation"));
		browser.click(By.cssSelector("#delegation form[action$='/invitations'] button[type=submit]"));
		browser.waitUntil(ExpectedConditions.stalenessOf(section));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("delegation"), "1 person was invited."));
		assertThat(driver.findElements(By.id("flash"))).isEmpty();
		assertThat(driver.findElement(By.id("delegation")).getText()).contains("Romania",
				"Sindicatul Profesorilor Iași", "Ioana Popescu", "Invited: 1");
		browser.screenshot("meeting-invited");

		browser.click(By.id("attended-" + person.id()));
		browser.click(By.cssSelector("#delegation form[action$='/attendance'] button[type=submit]"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.id("delegation"), "Attendance was recorded"));
		assertThat(driver.findElement(By.id("delegation")).getText()).contains("Attended: 1");
		browser.screenshot("meeting-attendance");

		driver.get(url("/organizations/" + organization.id()));
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("timeline-entries")));
		String timeline = driver.findElement(By.id("timeline-entries")).getText();
		assertThat(timeline).contains("Event", meeting.title());
		// one meeting, one entry: the logged EVENT stands for it
		assertThat(timeline.split(java.util.regex.Pattern.quote(meeting.title()), -1)).hasSize(2);
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				driver.findElement(By.id("timeline-entries")));
		browser.screenshot("organization-timeline-event");

		driver.get(url("/meetings/" + meeting.id() + "/edit"));
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("startTime"), "value", "10:00"));
		browser.screenshot("meeting-edit");
		assertThat(browser.consoleErrors()).as("no page broke the Content-Security-Policy").isEmpty();
	}

	private String url(String path) {
		return Browser.url(this.port, path);
	}

}
