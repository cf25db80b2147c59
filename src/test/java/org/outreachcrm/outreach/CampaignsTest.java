package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;

@FlowTest
class CampaignsTest {

	@Autowired
	Campaigns campaigns;

	@Autowired
	Interactions interactions;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@BeforeEach
	void logIn() {
		Staff.actAs(Staff.create(this.users, Role.STAFF));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void countsContactedEngagedAndNotReachedByCountryAndType() {
		OrganizationDetails plNgoContactedInCampaign = org(OrganizationType.NGO, "PL", PartnershipStage.CONTACTED);
		OrganizationDetails plNgoPartnerSilent = org(OrganizationType.NGO, "PL", PartnershipStage.PARTNER);
		OrganizationDetails roMediaContactedSinceStart = org(OrganizationType.MEDIA, "RO", PartnershipStage.ENGAGED);
		OrganizationDetails roNgoContactedBeforeStart = org(OrganizationType.NGO, "RO", PartnershipStage.PROSPECT);
		CampaignView campaign = this.campaigns
			.create(new CampaignRequest("Spring " + marker(), null, LocalDate.parse("2026-04-01"),
					LocalDate.parse("2026-06-30"), null, CampaignStatus.ACTIVE, Set.of(plNgoContactedInCampaign.id(),
							plNgoPartnerSilent.id(), roMediaContactedSinceStart.id(), roNgoContactedBeforeStart.id()),
					null));
		this.interactions.log(new InteractionRequest(plNgoContactedInCampaign.id(), List.of(), InteractionType.CALL,
				Instant.parse("2026-03-20T10:00:00Z"), null, Direction.OUTBOUND, "Early call", null, null, null,
				campaign.id(), null, null, null));
		log(roMediaContactedSinceStart, "2026-04-02T10:00:00Z");
		log(roNgoContactedBeforeStart, "2026-03-31T23:59:00Z");

		CampaignProgress progress = this.campaigns.progress(campaign.id());

		assertThat(progress.total()).isEqualTo(new CampaignProgress.Row("", 4, 2, 2, 2));
		assertThat(progress.byCountry()).containsExactly(new CampaignProgress.Row("PL", 2, 1, 1, 1),
				new CampaignProgress.Row("RO", 2, 1, 1, 1));
		assertThat(progress.byType()).containsExactly(new CampaignProgress.Row("MEDIA", 1, 1, 1, 0),
				new CampaignProgress.Row("NGO", 3, 1, 1, 2));
	}

	private void log(OrganizationDetails org, String at) {
		this.interactions.log(InteractionRequest.of(org.id(), List.of(), InteractionType.EMAIL, Instant.parse(at), null,
				Direction.OUTBOUND, "Mail"));
	}

	private OrganizationDetails org(OrganizationType type, String country, PartnershipStage stage) {
		return this.organizations.create(organization("Target " + marker(), type, country, "City", stage, Set.of()));
	}

}
