package org.outreachcrm.meetings.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.meetings.BulkInvitation;
import org.outreachcrm.meetings.Delegation;
import org.outreachcrm.meetings.InvitationChange;
import org.outreachcrm.meetings.InvitationStatus;
import org.outreachcrm.meetings.InvitationView;
import org.outreachcrm.meetings.MeetingExports;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.shared.web.TimeZoneChoices;
import org.outreachcrm.shared.web.Plurals;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(MeetingPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, TimeZoneChoices.class, Plurals.class,
		FixedClockConfiguration.class })
class MeetingPageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Meetings meetings;

	@MockitoBean
	MeetingExports exports;

	@MockitoBean
	Contacts contacts;

	// the password-change gate of every page needs it
	@MockitoBean
	UserAccounts users;

	@BeforeEach
	void oneMeetingWithOneInvitation() {
		given(this.meetings.get(4)).willReturn(meeting());
		given(this.meetings.invitations(4)).willReturn(List.of(new InvitationView(11, 4, 30, "Ioana Popescu", 7,
				"Sindicatul Profesorilor", InvitationStatus.INVITED, 3)));
		given(this.meetings.delegation(4))
			.willReturn(new Delegation(4, "Coordination", 1, 1, Map.of(InvitationStatus.INVITED, 1L),
					List.of(new Delegation.Country("RO", 1, 1, Map.of(InvitationStatus.INVITED, 1L),
							List.of(new Delegation.Organization(7, "Sindicatul Profesorilor",
									Map.of(InvitationStatus.INVITED, 1L), List.of(new Delegation.Person(11, 30,
											"Ioana Popescu", "ioana@example.ro", InvitationStatus.INVITED))))))));
	}

	@Test
	void showsTheDelegationWithExportLinks() {
		MvcTestResult result = this.mvc.get().uri("/meetings/4").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Coordination", "12 May 2026, 10:00 – 18:00", "Romania", "Ioana Popescu",
					"/meetings/4/export.xlsx", "/meetings/4/export.ics")
			// the clock stands before the meeting: attendance is not asked for yet
			.contains("Attendance can be recorded once the meeting has started.")
			.doesNotContain("id=\"attended-30\"");
	}

	@Test
	void showsValidationErrorsNextToTheFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/meetings")
			.param("title", "")
			.param("timeZone", "Europe/Bucharest")
			.param("onlineLink", "javascript:alert(1)")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"title-error\"", "id=\"startDate-error\"", "id=\"endDate-error\"",
					"id=\"onlineLink-error\"");
		verify(this.meetings, never()).create(any());
	}

	@Test
	void plansTheMeetingAtTheTypedLocalTimes() {
		given(this.meetings.create(any())).willReturn(meeting());

		MvcTestResult result = this.mvc.post()
			.uri("/meetings")
			.param("title", "Coordination")
			.param("startDate", "2026-05-12")
			.param("startTime", "10:00")
			.param("endDate", "2026-05-12")
			.param("endTime", "18:00")
			.param("timeZone", "Europe/Bucharest")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/meetings/4");
		ArgumentCaptor<MeetingRequest> request = ArgumentCaptor.forClass(MeetingRequest.class);
		verify(this.meetings).create(request.capture());
		assertThat(request.getValue().startsAt()).isEqualTo(Instant.parse("2026-05-12T07:00:00Z"));
		assertThat(request.getValue().endsAt()).isEqualTo(Instant.parse("2026-05-12T15:00:00Z"));
	}

	@Test
	void changingAStatusAnswersHtmxWithTheDelegationFragment() {
		MvcTestResult result = this.mvc.post()
			.uri("/meetings/4/invitations/11")
			.header("HX-Request", "true")
			.param("status", "ATTENDED")
			.param("version", "3")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("id=\"delegation\"", "The status was changed.").doesNotContain("<nav");
		verify(this.meetings).changeInvitation(4, 11, new InvitationChange(InvitationStatus.ATTENDED, 3L));
	}

	@Test
	void invitesSeveralPeopleOrAWholeOrganizationInOneStep() {
		given(this.meetings.inviteAll(eq(4L), any())).willReturn(
				List.of(new InvitationView(12, 4, 30, "Ioana Popescu", 7, "Sindicatul", InvitationStatus.INVITED, 0),
						new InvitationView(13, 4, 31, "Radu Ionescu", 7, "Sindicatul", InvitationStatus.INVITED, 0)));

		MvcTestResult result = this.mvc.post()
			.uri("/meetings/4/invitations?lang=pl")
			.header("HX-Request", "true")
			.param("contactId", "30", "31")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("Zaproszono 2 osoby.");
		verify(this.meetings).inviteAll(4L, new BulkInvitation(List.of(30L, 31L), null, null));

		this.mvc.post()
			.uri("/meetings/4/invitations")
			.header("HX-Request", "true")
			.param("organizationId", "7")
			.param("everyone", "true")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();
		verify(this.meetings).inviteAll(4L, new BulkInvitation(List.of(), 7L, 7L));
	}

	@Test
	void aStatusChangesAsSoonAsItIsChosen() {
		MvcTestResult result = this.mvc.get().uri("/meetings/4").with(user("anna").roles("STAFF")).exchange();
		assertThat(result).bodyText().contains("hx-trigger=\"change, submit\"");
	}

	@Test
	void streamsTheCalendarToTheBrowserSession() {
		given(this.exports.calendar(4)).willReturn("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

		MvcTestResult result = this.mvc.get()
			.uri("/meetings/4/export.ics")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk().hasContentType("text/calendar;charset=UTF-8");
		assertThat(result).hasHeader("Content-Disposition", "attachment; filename=\"meeting-4.ics\"");
	}

	static MeetingView meeting() {
		ZoneId zone = ZoneId.of("Europe/Bucharest");
		return new MeetingView(4, "Coordination", null, Instant.parse("2026-05-12T07:00:00Z"),
				Instant.parse("2026-05-12T15:00:00Z"), zone, LocalDateTime.parse("2026-05-12T10:00"),
				LocalDateTime.parse("2026-05-12T18:00"), "Hotel Central", null, 5, 1);
	}

}
