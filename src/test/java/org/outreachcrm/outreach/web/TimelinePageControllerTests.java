package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.outreach.Timeline;
import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineKind;
import org.outreachcrm.outreach.TimelineSubject;
import org.outreachcrm.shared.web.TimeZoneChoices;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(TimelinePageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, TimeZoneChoices.class, FixedClockConfiguration.class,
		InteractionPeople.class })
class TimelinePageControllerTests {

	static final Instant NOW = FixedClockConfiguration.NOW;

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Timeline timeline;

	@MockitoBean
	Interactions interactions;

	@MockitoBean
	Campaigns campaigns;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	Contacts contacts;

	@MockitoBean
	UserAccounts users;

	@MockitoBean
	CurrentUser currentUser;

	@BeforeEach
	void organizationWithOnePerson() {
		given(this.organizations.get(7)).willReturn(organization());
		given(this.contacts.affiliationsOfOrganization(7)).willReturn(List.of(new AffiliationView(1, 30,
				"Ștefan Mărgărit", 7, "Asociația Tinerilor", "Coordinator", true, null, null, 0)));
		given(this.users.list(any())).willReturn(Page.empty());
		given(this.campaigns.list(any())).willReturn(Page.empty());
		given(this.currentUser.id()).willReturn(5L);
		given(this.timeline.of(eq(TimelineSubject.ORGANIZATION), eq(7L), any()))
			.willReturn(
					new PageImpl<>(
							List.of(new TimelineEntry(TimelineKind.INTERACTION, 100, NOW, 7L,
									"Call about the summer school", "CALL", "OUTBOUND", null)),
							PageRequest.of(0, 20), 1));
	}

	@Test
	void showsTheTimelineInTheViewersZoneAsAFragmentForHtmx() {
		MvcTestResult result = this.mvc.get()
			.uri("/organizations/7/timeline")
			.header("HX-Request", "true")
			.cookie(new Cookie("tz", "Europe/Warsaw"))
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"timeline\"", "Call about the summer school", "2 Mar 2026, 11:15", "Times in Europe/Warsaw",
					"Ștefan Mărgărit", "value=\"2026-03-02\"", "value=\"11:15\"")
			.doesNotContain("<nav");
	}

	@Test
	void withoutJavaScriptTheTimelineIsAPage() {
		MvcTestResult result = this.mvc.get()
			.uri("/organizations/7/timeline")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("<nav", "Times in UTC", "2 Mar 2026, 10:15");
	}

	@Test
	void showsValidationErrorsNextToTheFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/organizations/7/interactions")
			.header("HX-Request", "true")
			.param("type", "CALL")
			.param("direction", "OUTBOUND")
			.param("timeZone", "Europe/Warsaw")
			.param("subject", "")
			.param("followUpNote", "Send the report")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"subject-error\"", "id=\"date-error\"", "id=\"followUpDueOn-error\"",
					"A follow-up needs a due date.", "<details class=\"card mb-3 log-interaction\" open")
			.doesNotContain("<nav");
		verify(this.interactions, never()).log(any());
	}

	@Test
	void logsTheInteractionAtTheTypedLocalTimeAndRefreshesTheTimeline() {
		MvcTestResult result = this.mvc.post()
			.uri("/organizations/7/interactions")
			.header("HX-Request", "true")
			.param("organizationId", "999")
			.param("type", "EMAIL")
			.param("direction", "INBOUND")
			.param("date", "2026-03-01")
			.param("time", "09:30")
			.param("timeZone", "Europe/Bucharest")
			.param("subject", "Reply about the grant")
			.param("contactIds", "30")
			.param("tags", "grant, youth")
			.param("followUpDueOn", "2026-03-10")
			.param("followUpNote", "Send the report")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("The interaction was logged.", "id=\"timeline\"");
		ArgumentCaptor<InteractionRequest> logged = ArgumentCaptor.forClass(InteractionRequest.class);
		verify(this.interactions).log(logged.capture());
		InteractionRequest request = logged.getValue();
		assertThat(request.organizationId()).as("the page's organization, not the posted one").isEqualTo(7L);
		assertThat(request.occurredAt()).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
		assertThat(request.timeZone()).isEqualTo("Europe/Bucharest");
		assertThat(request.contactIds()).containsExactly(30L);
		assertThat(request.tags()).containsExactly("grant", "youth");
		assertThat(request.followUp()).isNotNull();
		assertThat(request.followUp().note()).isEqualTo("Send the report");
	}

	@Test
	void withoutJavaScriptLoggingRedirectsToTheOrganization() {
		MvcTestResult result = this.mvc.post()
			.uri("/organizations/7/interactions")
			.param("type", "CALL")
			.param("direction", "OUTBOUND")
			.param("date", "2026-03-01")
			.param("time", "09:30")
			.param("subject", "Call")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/organizations/7");
	}

	static OrganizationDetails organization() {
		return new OrganizationDetails(7, "Asociația Tinerilor", OrganizationType.NGO, "RO", "Cluj", null, null, null,
				List.of("ro"), null, PartnershipStage.ENGAGED, null, null, Set.of(), NOW, "ion", NOW, "maria", 1);
	}

}
