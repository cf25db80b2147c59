package org.outreachcrm.meetings;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.Timeline;
import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineKind;
import org.outreachcrm.outreach.TimelineSubject;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organizationIn;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Meetings people can trust (issue 17): a true empty state with plural forms, attendance
 * only from the meeting's start and one timeline entry per meeting, calendar statuses and
 * line folding as RFC 5545 says, links without a scheme, inviting many at once.
 */
@FlowTest
class MeetingTrustTest {

	static final Instant START = Instant.parse("2026-02-10T08:30:00Z");

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingExports exports;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	Timeline timeline;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	UserView staff;

	OrganizationDetails union;

	ContactDetails ioana;

	ContactDetails stefan;

	MeetingView meeting;

	@BeforeEach
	void plan() {
		this.staff = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.staff);
		this.union = this.organizations.create(organizationIn("Sindicatul Învățătorilor Ștefănești " + marker(),
				OrganizationType.TRADE_UNION, "RO", "Iași", "ro", PartnershipStage.ENGAGED));
		this.ioana = createMember(this.contacts,
				person("Ioana", "Știrbei-Țăranu " + marker(), "ioana." + marker() + "@example.ro", "ro", "RO"),
				this.union.id(), "Secretar");
		this.stefan = createMember(this.contacts,
				person("Ștefan", "Żółkiewski-Ănescu " + marker(), "stefan." + marker() + "@example.ro", "ro", "RO"),
				this.union.id(), "Membru");
		this.meeting = this.meetings.create(new MeetingRequest("Întâlnire de coordonare " + marker(), null, START,
				START.plusSeconds(3 * 3600), "Europe/Bucharest", null, null, null, null));
	}

	@AfterEach
	void reset() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void aMeetingWithNobodyInvitedSaysSoAndCountsUsePluralForms() {
		MvcTestResult empty = page("/meetings/" + this.meeting.id() + "?lang=en");
		assertThat(empty).bodyText()
			.contains("Nobody is invited yet.")
			.doesNotContain("Everyone invited attended.")
			.doesNotContain("0 countries");

		this.meetings.inviteAll(this.meeting.id(), new BulkInvitation(List.of(), null, this.union.id()));
		assertThat(page("/meetings/" + this.meeting.id() + "?lang=en")).bodyText()
			.contains("1 country, 1 organization, 2 people.");
		assertThat(page("/meetings/" + this.meeting.id() + "?lang=pl")).bodyText()
			.contains("1 kraj, 1 organizacja, 2 osoby.");
		assertThat(page("/meetings/" + this.meeting.id() + "?lang=ro")).bodyText()
			.contains("1 țară, 1 organizație, 2 persoane.");
	}

	@Test
	void attendanceIsRefusedBeforeTheMeetingStartsAndAcceptedFromItsStart() {
		this.meetings.inviteAll(this.meeting.id(), new BulkInvitation(List.of(this.ioana.id()), null, null));
		long invitation = this.meetings.invitations(this.meeting.id()).get(0).id();
		this.clock.set(START.minusSeconds(7 * 24 * 3600));

		assertThatThrownBy(() -> this.meetings.recordAttendance(this.meeting.id(),
				new AttendanceRequest(List.of(this.ioana.id()))))
			.isInstanceOf(BusinessRuleException.class)
			.extracting((ex) -> ((BusinessRuleException) ex).messageKey())
			.isEqualTo("meeting.attendance.notStarted");
		assertThatThrownBy(() -> this.meetings.changeInvitation(this.meeting.id(), invitation,
				new InvitationChange(InvitationStatus.NO_SHOW, 0L)))
			.isInstanceOf(BusinessRuleException.class);
		// an answer is not attendance: it may come any time
		this.meetings.changeInvitation(this.meeting.id(), invitation,
				new InvitationChange(InvitationStatus.ACCEPTED, 0L));

		this.clock.set(START);
		Attendance attendance = this.meetings.recordAttendance(this.meeting.id(),
				new AttendanceRequest(List.of(this.ioana.id())));
		assertThat(attendance.organizations()).hasSize(1);
	}

	@Test
	void oneMeetingIsOneTimelineEntryPerOrganizationAndPerson() {
		this.meetings.inviteAll(this.meeting.id(), new BulkInvitation(List.of(), null, this.union.id()));
		this.clock.set(START.plusSeconds(3600));
		this.meetings.recordAttendance(this.meeting.id(), new AttendanceRequest(List.of(this.ioana.id())));

		List<TimelineEntry> organization = entries(TimelineSubject.ORGANIZATION, this.union.id());
		assertThat(organization).filteredOn((e) -> this.meeting.title().equals(e.title())).hasSize(1);
		assertThat(this.timeline.of(TimelineSubject.ORGANIZATION, this.union.id(), PageRequest.of(0, 50))
			.getTotalElements()).isEqualTo(organization.size());
		assertThat(entries(TimelineSubject.CONTACT, this.ioana.id()))
			.filteredOn((e) -> this.meeting.title().equals(e.title()))
			.singleElement()
			.satisfies((e) -> assertThat(e.kind()).isEqualTo(TimelineKind.INTERACTION));
		// Ștefan did not come: his entry is the meeting with his status
		assertThat(entries(TimelineSubject.CONTACT, this.stefan.id()))
			.filteredOn((e) -> this.meeting.title().equals(e.title()))
			.singleElement()
			.satisfies((e) -> assertThat(e.kind()).isEqualTo(TimelineKind.MEETING));
	}

	@Test
	void everyInvitationStatusHasItsPartStatAndLinesFoldAt75Octets() throws Exception {
		assertThat(MeetingExports.partStat(InvitationStatus.NO_SHOW).getValue()).isEqualTo("DECLINED");
		assertThat(MeetingExports.partStat(InvitationStatus.DECLINED).getValue()).isEqualTo("DECLINED");
		assertThat(MeetingExports.partStat(InvitationStatus.TENTATIVE).getValue()).isEqualTo("TENTATIVE");
		assertThat(MeetingExports.partStat(InvitationStatus.INVITED).getValue()).isEqualTo("NEEDS-ACTION");
		assertThat(MeetingExports.partStat(InvitationStatus.ACCEPTED).getValue()).isEqualTo("ACCEPTED");
		assertThat(MeetingExports.partStat(InvitationStatus.ATTENDED).getValue()).isEqualTo("ACCEPTED");

		this.meetings.inviteAll(this.meeting.id(), new BulkInvitation(List.of(), null, this.union.id()));
		this.clock.set(START.plusSeconds(3600));
		List<InvitationView> invited = this.meetings.invitations(this.meeting.id());
		InvitationView stefansInvitation = invited.stream()
			.filter((i) -> i.contactId() == this.stefan.id())
			.findFirst()
			.orElseThrow();
		this.meetings.changeInvitation(this.meeting.id(), stefansInvitation.id(),
				new InvitationChange(InvitationStatus.NO_SHOW, stefansInvitation.version()));

		String ics = this.exports.calendar(this.meeting.id());
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ics).contains("Ș", "Ż", "Ă");
		boolean relaxed = CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
		try {
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
			List<Property> attendees = event.getProperties("ATTENDEE");
			assertThat(attendees).anySatisfy((a) -> {
				assertThat(a.getValue()).isEqualTo("mailto:" + this.stefan.emails().get(0));
				assertThat(a.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("DECLINED");
				assertThat(a.getParameter("CN").orElseThrow().getValue()).startsWith("Ștefan Żółkiewski-Ănescu");
			});
		}
		finally {
			CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, relaxed);
		}
	}

	@Test
	void anOnlineLinkWithoutItsSchemeIsTakenAsHttps() throws Exception {
		MvcTestResult created = this.mvc.post()
			.uri("/api/meetings")
			.with(user(this.staff.username()).roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("title", "Online " + marker(), "startsAt",
					"2026-05-04T07:00:00Z", "endsAt", "2026-05-04T09:00:00Z", "onlineLink", "meet.example.org/abc")))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created).bodyJson().extractingPath("$.onlineLink").isEqualTo("https://meet.example.org/abc");
		assertThat(new MeetingRequest("t", null, START, START.plusSeconds(60), null, null, "meet.example.org:8443/x",
				null, null)
			.onlineLink()).isEqualTo("https://meet.example.org:8443/x");
		assertThat(new MeetingRequest("t", null, START, START.plusSeconds(60), null, null, "javascript:alert(1)", null,
				null)
			.onlineLink()).isEqualTo("javascript:alert(1)");
	}

	@Test
	void invitesSeveralPeopleOrAWholeOrganizationAtOnceThroughTheApi() throws Exception {
		MvcTestResult several = this.mvc.post()
			.uri("/api/meetings/" + this.meeting.id() + "/invitations/bulk")
			.with(user(this.staff.username()).roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactIds\":[" + this.ioana.id() + "]}")
			.exchange();
		assertThat(several).hasStatus(HttpStatus.CREATED);
		assertThat(several).bodyJson().extractingPath("$[0].organizationId").isEqualTo((int) this.union.id());

		MvcTestResult everyone = this.mvc.post()
			.uri("/api/meetings/" + this.meeting.id() + "/invitations/bulk")
			.with(user(this.staff.username()).roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactIds\":[],\"everyoneOf\":" + this.union.id() + "}")
			.exchange();
		// Ioana is already invited: only Ștefan is new
		assertThat(everyone).bodyJson()
			.extractingPath("$[*].contactId")
			.asArray()
			.containsExactly((int) this.stefan.id());
		assertThat(this.meetings.invitations(this.meeting.id())).hasSize(2);
	}

	private List<TimelineEntry> entries(TimelineSubject subject, long id) {
		return this.timeline.of(subject, id, PageRequest.of(0, 50)).getContent();
	}

	private MvcTestResult page(String uri) {
		return this.mvc.get().uri(uri).with(user(this.staff.username()).roles("STAFF")).exchange();
	}

}
