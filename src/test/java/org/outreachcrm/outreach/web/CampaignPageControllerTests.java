package org.outreachcrm.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.outreach.CampaignProgress;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignStatus;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
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

@WebMvcTest(CampaignPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class })
class CampaignPageControllerTests {

	static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Campaigns campaigns;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	UserAccounts users;

	@BeforeEach
	void oneCampaignWithOneTarget() {
		given(this.users.list(any())).willReturn(Page.empty());
		given(this.campaigns.get(2)).willReturn(new CampaignView(2, "Summer school 2026", null,
				LocalDate.parse("2026-03-01"), null, 5, CampaignStatus.ACTIVE, Set.of(7L), NOW, NOW, 4));
		given(this.campaigns.progress(2)).willReturn(new CampaignProgress(2, new CampaignProgress.Row("", 1, 1, 0, 0),
				List.of(new CampaignProgress.Row("RO", 1, 1, 0, 0)),
				List.of(new CampaignProgress.Row("NGO", 1, 1, 0, 0))));
		given(this.organizations.facts(any())).willReturn(List.of(new OrganizationFacts(7, "Asociația Tinerilor", "RO",
				OrganizationType.NGO, PartnershipStage.CONTACTED, NOW)));
	}

	@Test
	void showsProgressByCountryAndType() {
		MvcTestResult result = this.mvc.get().uri("/campaigns/2").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Summer school 2026", "Contacted: 1 of 1", "Romania", "NGO", "Asociația Tinerilor",
					"<progress id=\"progress-contacted\"");
	}

	@Test
	void showsValidationErrorsNextToTheFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/campaigns")
			.param("name", "")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("id=\"name-error\"", "id=\"startsOn-error\"");
		verify(this.campaigns, never()).create(any());
	}

	@Test
	void addsATargetKeepingTheOthersBasedOnTheVersionShown() {
		MvcTestResult result = this.mvc.post()
			.uri("/campaigns/2/targets")
			.param("organizationId", "9")
			.param("version", "4")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/2");
		ArgumentCaptor<CampaignRequest> request = ArgumentCaptor.forClass(CampaignRequest.class);
		verify(this.campaigns).update(eq(2L), request.capture());
		assertThat(request.getValue().targetOrganizationIds()).containsExactlyInAnyOrder(7L, 9L);
		assertThat(request.getValue().version()).isEqualTo(4L);
		assertThat(request.getValue().name()).isEqualTo("Summer school 2026");
	}

}
