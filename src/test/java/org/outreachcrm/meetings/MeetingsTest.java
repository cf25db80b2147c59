package org.outreachcrm.meetings;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.InteractionQuery;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.outreach.Timeline;
import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineKind;
import org.outreachcrm.outreach.TimelineSubject;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

@FlowTest
class MeetingsTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final String INJECTION = "=HYPERLINK(\"http://evil.example\",\"Click\")";

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingExports exports;

	@Autowired
	Interactions interactions;

	@Autowired
	Timeline timeline;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	UserView organizer;

	OrganizationDetails polish;

	OrganizationDetails romanian;

	ContactDetails anna;

	ContactDetails piotr;

	ContactDetails ioana;

	MeetingView meeting;

	@BeforeEach
	void plan() {
		// the day after the meeting: attendance can be recorded
		this.clock.set(Instant.parse("2026-02-11T09:00:00Z"));
		this.organizer = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.organizer);
		this.polish = this.organizations
			.create(organization("Fundacja " + marker(), OrganizationType.FOUNDATION, "PL"));
		this.romanian = this.organizations.create(organization("Asociația " + marker(), OrganizationType.NGO, "RO"));
		this.anna = this.contacts
			.create(person("Anna", "Nowak " + marker(), "anna." + marker() + "@example.org", "PL"));
		this.piotr = this.contacts.create(person("Piotr", "Zieliński " + marker(), null, "PL"));
		this.ioana = this.contacts.create(new ContactRequest(null, null, INJECTION,
				List.of("ioana." + marker() + "@example.org"), List.of(), "ro", "RO", null, java.util.Set.of(), null));
		this.meeting = this.meetings.create(new MeetingRequest("Coordination " + marker(), "Plan the year",
				ZonedDateTime.of(2026, 2, 10, 9, 30, 0, 0, BRUSSELS).toInstant(),
				ZonedDateTime.of(2026, 2, 10, 17, 0, 0, 0, BRUSSELS).toInstant(), "Europe/Brussels",
				"Rue de la Loi 1, Brussels", "https://meet.example.org/abc", null, null));
		this.meetings.invite(this.meeting.id(), new InvitationRequest(this.anna.id(), this.polish.id(), null));
		this.meetings.invite(this.meeting.id(),
				new InvitationRequest(this.piotr.id(), this.polish.id(), InvitationStatus.ACCEPTED));
		this.meetings.invite(this.meeting.id(),
				new InvitationRequest(this.ioana.id(), this.romanian.id(), InvitationStatus.TENTATIVE));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void attendanceLogsOneEventInteractionPerOrganizationAndNeverTwice() {
		Attendance first = this.meetings.recordAttendance(this.meeting.id(),
				new AttendanceRequest(List.of(this.anna.id(), this.ioana.id())));
		Attendance again = this.meetings.recordAttendance(this.meeting.id(),
				new AttendanceRequest(List.of(this.anna.id(), this.piotr.id())));

		assertThat(first.organizations()).hasSize(2);
		List<InteractionView> polishEvents = events(this.polish);
		assertThat(polishEvents).hasSize(1);
		assertThat(polishEvents.get(0).contactIds()).containsExactlyInAnyOrder(this.anna.id(), this.piotr.id());
		assertThat(polishEvents.get(0).occurredAt()).isEqualTo(this.meeting.startsAt());
		assertThat(polishEvents.get(0).timeZone()).isEqualTo(BRUSSELS);
		assertThat(polishEvents.get(0).staffId()).isEqualTo(this.organizer.id());
		assertThat(events(this.romanian)).singleElement()
			.satisfies((e) -> assertThat(e.contactIds()).containsExactly(this.ioana.id()));
		assertThat(again.organizations()).extracting(Attendance.OrganizationAttendance::interactionId)
			.containsExactlyInAnyOrderElementsOf(
					first.organizations().stream().map(Attendance.OrganizationAttendance::interactionId).toList());
	}

	@Test
	void delegationCountsCountriesOrganizationsPeopleAndStatuses() {
		Delegation delegation = this.meetings.delegation(this.meeting.id());

		assertThat(delegation.organizations()).isEqualTo(2);
		assertThat(delegation.people()).isEqualTo(3);
		assertThat(delegation.statusCounts()).containsEntry(InvitationStatus.INVITED, 1L)
			.containsEntry(InvitationStatus.ACCEPTED, 1L)
			.containsEntry(InvitationStatus.TENTATIVE, 1L);
		assertThat(delegation.countries()).extracting(Delegation.Country::country).containsExactly("PL", "RO");
		Delegation.Country poland = delegation.countries().get(0);
		assertThat(poland.people()).isEqualTo(2);
		assertThat(poland.delegations()).singleElement()
			.satisfies((o) -> assertThat(o.people()).extracting(Delegation.Person::contactId)
				.containsExactlyInAnyOrder(this.anna.id(), this.piotr.id()));
	}

	@Test
	void meetingParticipationAppearsOnTimelines() {
		List<TimelineEntry> person = this.timeline.of(TimelineSubject.CONTACT, this.ioana.id(), PageRequest.of(0, 10))
			.getContent();
		assertThat(person).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(TimelineKind.MEETING);
			assertThat(e.id()).isEqualTo(this.meeting.id());
			assertThat(e.code()).isEqualTo("TENTATIVE");
		});
		List<TimelineEntry> organization = this.timeline
			.of(TimelineSubject.ORGANIZATION, this.polish.id(), PageRequest.of(0, 10))
			.getContent();
		// newest first: the organization was created (its first stage) the day after
		assertThat(organization).extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.STAGE_CHANGE, TimelineKind.MEETING);
	}

	@Test
	void workbookHasOneRowPerPersonAndKeepsFormulasAsText() throws Exception {
		byte[] bytes = this.exports.delegationWorkbook(this.meeting.id(), Locale.ENGLISH);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Organization");
			Row romanian = sheet.getRow(3);
			assertThat(romanian.getCell(0).getStringCellValue()).isEqualTo("Romania");
			Cell name = romanian.getCell(2);
			assertThat(name.getCellType()).isEqualTo(CellType.STRING);
			assertThat(name.getStringCellValue()).isEqualTo(INJECTION);
			assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(romanian.getCell(4).getStringCellValue()).isEqualTo("Tentative");
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	@Test
	void workbookSpeaksTheReadersLanguage() throws Exception {
		byte[] bytes = this.exports.delegationWorkbook(this.meeting.id(), Locale.forLanguageTag("pl"));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("Delegacje");
			assertThat(sheet.getRow(0)).extracting(Cell::getStringCellValue)
				.containsExactly("Kraj", "Organizacja", "Osoba", "E-mail", "Status");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Polska");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Rumunia");
		}
	}

	@Test
	void calendarHasTheEventInItsZoneWithOrganizerAndAttendees() throws Exception {
		String ics = this.exports.calendar(this.meeting.id());

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
		assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20260210T093000")
			.contains("DTEND;TZID=Europe/Brussels:20260210T170000")
			.contains("BEGIN:VTIMEZONE");
		assertThat(event.<Property>getProperty("UID").orElseThrow().getValue())
			.isEqualTo("meeting-" + this.meeting.id() + "@outreach-crm");
		assertThat(event.<Property>getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(this.meeting.title());
		assertThat(event.<Property>getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo("Plan the year");
		assertThat(event.<Property>getProperty("LOCATION").orElseThrow().getValue())
			.isEqualTo("Rue de la Loi 1, Brussels");
		assertThat(event.<Property>getProperty("URL").orElseThrow().getValue())
			.isEqualTo("https://meet.example.org/abc");
		assertThat(event.<Property>getProperty("ORGANIZER")).isPresent();
		List<Property> attendees = event.getProperties("ATTENDEE");
		assertThat(attendees).hasSize(3);
		assertThat(attendees).anySatisfy((a) -> {
			assertThat(a.getValue()).isEqualTo("mailto:" + this.anna.emails().get(0));
			assertThat(a.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
		});
		assertThat(attendees)
			.anySatisfy((a) -> assertThat(a.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("TENTATIVE"));
		assertThat(attendees)
			.anySatisfy((a) -> assertThat(a.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("ACCEPTED"));
	}

	private List<InteractionView> events(OrganizationDetails organization) {
		return this.interactions
			.list(new InteractionQuery(organization.id(), null, null, InteractionType.EVENT, null, null),
					PageRequest.of(0, 10), null)
			.getContent();
	}

}
