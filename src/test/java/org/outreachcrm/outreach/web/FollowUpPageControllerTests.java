package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpQuery;
import org.outreachcrm.outreach.FollowUpTiming;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.outreach.InteractionView;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(FollowUpPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, FixedClockConfiguration.class })
class FollowUpPageControllerTests {

	static final Instant NOW = FixedClockConfiguration.NOW;

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	FollowUps followUps;

	@MockitoBean
	Interactions interactions;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	UserAccounts users;

	@MockitoBean
	CurrentUser currentUser;

	@BeforeEach
	void oneOverdueFollowUp() {
		given(this.currentUser.id()).willReturn(5L);
		given(this.users.list(any())).willReturn(Page.empty());
		given(this.followUps.list(any(), any()))
			.willReturn(new PageImpl<>(List.of(followUp()), PageRequest.of(0, 50), 1));
		given(this.organizations.facts(any())).willReturn(List.of(new OrganizationFacts(7, "Asociația Tinerilor", "RO",
				OrganizationType.NGO, PartnershipStage.ENGAGED, NOW)));
	}

	@Test
	void staffSeeOnlyTheirOwnWhateverTheAddressSays() {
		MvcTestResult result = this.mvc.get()
			.uri("/follow-ups?assigneeId=9&country=pl")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("My follow-ups", "Asociația Tinerilor", "Overdue", "Send the report")
			.doesNotContain("id=\"assigneeId\"");
		ArgumentCaptor<FollowUpQuery> query = ArgumentCaptor.forClass(FollowUpQuery.class);
		verify(this.followUps).list(query.capture(), any());
		assertThat(query.getValue().assigneeId()).isEqualTo(5L);
		assertThat(query.getValue().country()).isNull();
	}

	@Test
	void managersFilterByStaffMemberAndCountry() {
		given(this.currentUser.isManager()).willReturn(true);

		MvcTestResult result = this.mvc.get()
			.uri("/follow-ups?assigneeId=9&country=pl")
			.with(user("maria").roles("MANAGER"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("id=\"assigneeId\"", "id=\"country\"");
		ArgumentCaptor<FollowUpQuery> query = ArgumentCaptor.forClass(FollowUpQuery.class);
		verify(this.followUps).list(query.capture(), any());
		assertThat(query.getValue().assigneeId()).isEqualTo(9L);
		assertThat(query.getValue().country()).isEqualTo("PL");
	}

	@Test
	void completingWithASubjectLogsTheInteractionInTheSameStep() {
		given(this.followUps.get(eq(3L), any())).willReturn(followUp());
		InteractionView original = mock(InteractionView.class);
		given(original.contactIds()).willReturn(List.of(30L));
		given(this.interactions.get(anyLong(), any())).willReturn(original);

		MvcTestResult result = this.mvc.post()
			.uri("/follow-ups/3/complete")
			.header("HX-Request", "true")
			.param("version", "2")
			.param("type", "EMAIL")
			.param("subject", "Sent the report")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"follow-ups\"", "The follow-up is done and the interaction was logged.")
			.doesNotContain("<nav class=\"navbar");
		ArgumentCaptor<FollowUpCompletion> completion = ArgumentCaptor.forClass(FollowUpCompletion.class);
		verify(this.followUps).complete(eq(3L), completion.capture(), any());
		assertThat(completion.getValue().version()).isEqualTo(2L);
		assertThat(completion.getValue().interaction()).isNotNull();
		assertThat(completion.getValue().interaction().type()).isEqualTo(InteractionType.EMAIL);
		assertThat(completion.getValue().interaction().contactIds()).containsExactly(30L);
		assertThat(completion.getValue().interaction().occurredAt()).isEqualTo(NOW);
	}

	@Test
	void completingWithoutJavaScriptRedirectsToTheList() {
		MvcTestResult result = this.mvc.post()
			.uri("/follow-ups/3/complete")
			.param("version", "2")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/follow-ups");
		ArgumentCaptor<FollowUpCompletion> completion = ArgumentCaptor.forClass(FollowUpCompletion.class);
		verify(this.followUps).complete(eq(3L), completion.capture(), any());
		assertThat(completion.getValue().interaction()).isNull();
	}

	@Test
	void theDoneListNamesWhoCompletedEachByNameAndPagesWithTheSharedPager() {
		given(this.currentUser.isManager()).willReturn(true);
		FollowUpView done = new FollowUpView(3, 100, 7, "RO", LocalDate.parse("2026-02-20"), 5, "Send the report",
				FollowUpTiming.DONE, NOW, 6L, null, NOW, 3);
		given(this.followUps.done(any(), any(), any()))
			.willReturn(new PageImpl<>(List.of(done), PageRequest.of(0, 50), 120));
		given(this.users.get(5L)).willReturn(account(5, "anna", "Anna Kowalska"));
		given(this.users.get(6L)).willReturn(account(6, "olga", "Olga Popescu"));

		MvcTestResult result = this.mvc.get()
			.uri("/follow-ups/done?assigneeId=5")
			.with(user("boss").roles("MANAGER"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Anna Kowalska", "Olga Popescu", "Page 1 of 3",
					"href=\"/follow-ups/done?assigneeId=5&amp;page=1\"", "hx-target=\"#done-results\"")
			.doesNotContain(">olga<");
	}

	static UserView account(long id, String username, String name) {
		return new UserView(id, username, name, null, true, false, Set.of(Role.STAFF), Set.of(), NOW, NOW, 1);
	}

	static FollowUpView followUp() {
		return new FollowUpView(3, 100, 7, "RO", LocalDate.parse("2026-02-20"), 5, "Send the report",
				FollowUpTiming.OVERDUE, null, null, null, NOW, 2);
	}

}
