package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

@FlowTest
class TimelineTest {

	@Autowired
	Timeline timeline;

	@Autowired
	Interactions interactions;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void logIn() {
		Staff.actAs(Staff.create(this.users, Role.STAFF));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void recordsStageChangesWithWhoAndWhenButNotSavesWithoutChange() {
		this.clock.set(Instant.parse("2026-02-01T10:00:00Z"));
		OrganizationRequest request = organization("Stage " + marker(), OrganizationType.NGO, "PL");
		OrganizationDetails org = this.organizations.create(request);

		this.clock.set(Instant.parse("2026-02-02T10:00:00Z"));
		OrganizationDetails engaged = this.organizations.update(org.id(),
				withStage(request, PartnershipStage.ENGAGED, org.version()));
		this.clock.set(Instant.parse("2026-02-03T10:00:00Z"));
		OrganizationDetails renamed = this.organizations.update(org.id(),
				withStage(request, PartnershipStage.ENGAGED, engaged.version()));
		this.organizations.update(org.id(), withStage(request, PartnershipStage.CONTACTED, renamed.version()));

		List<TimelineEntry> entries = this.timeline.of(TimelineSubject.ORGANIZATION, org.id(), PageRequest.of(0, 10))
			.getContent();
		assertThat(entries).extracting(TimelineEntry::kind).containsOnly(TimelineKind.STAGE_CHANGE);
		assertThat(entries).extracting(TimelineEntry::detail, TimelineEntry::code)
			.containsExactly(tuple("ENGAGED", "CONTACTED"), tuple("PROSPECT", "ENGAGED"), tuple(null, "PROSPECT"));
		assertThat(entries.get(1).at()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
		assertThat(entries.get(1).title()).isNotBlank();
	}

	@Test
	void mixesInteractionsFollowUpsAndStageChangesNewestFirstAcrossPages() {
		this.clock.set(Instant.parse("2026-03-01T09:00:00Z"));
		OrganizationDetails org = this.organizations
			.create(organization("Timeline " + marker(), OrganizationType.ACADEMIA, "RO"));
		ContactDetails ion = this.contacts.create(person("Ion", marker(), null, "RO"));
		this.clock.set(Instant.parse("2026-03-05T09:00:00Z"));
		InteractionView call = this.interactions
			.log(InteractionRequest.of(org.id(), List.of(ion.id()), InteractionType.CALL,
					Instant.parse("2026-03-02T09:00:00Z"), "Europe/Bucharest", Direction.OUTBOUND, "Call"));
		InteractionRequest email = new InteractionRequest(org.id(), List.of(), InteractionType.EMAIL,
				Instant.parse("2026-03-04T09:00:00Z"), null, Direction.OUTBOUND, "Email", null, null, null, null, null,
				new FollowUpRequest(LocalDate.parse("2026-03-20"), null, "Send the brochure"), null);
		this.clock.set(Instant.parse("2026-03-04T12:00:00Z"));
		InteractionView emailed = this.interactions.log(email);

		Page<TimelineEntry> first = this.timeline.of(TimelineSubject.ORGANIZATION, org.id(), PageRequest.of(0, 2));
		Page<TimelineEntry> second = this.timeline.of(TimelineSubject.ORGANIZATION, org.id(), PageRequest.of(1, 2));

		assertThat(first.getTotalElements()).isEqualTo(4);
		assertThat(first.getContent()).extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.FOLLOW_UP, TimelineKind.INTERACTION);
		assertThat(first.getContent().get(1).id()).isEqualTo(emailed.id());
		assertThat(first.getContent().get(0).dueOn()).isEqualTo(LocalDate.parse("2026-03-20"));
		assertThat(second.getContent()).extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.INTERACTION, TimelineKind.STAGE_CHANGE);
		assertThat(second.getContent().get(0).id()).isEqualTo(call.id());

		Page<TimelineEntry> person = this.timeline.of(TimelineSubject.CONTACT, ion.id(), PageRequest.of(0, 10));
		assertThat(person.getContent()).extracting(TimelineEntry::id).containsExactly(call.id());
		assertThat(person.getTotalElements()).isEqualTo(1);
	}

	private static OrganizationRequest withStage(OrganizationRequest r, PartnershipStage stage, long version) {
		return new OrganizationRequest(r.name(), r.type(), r.country(), r.city(), r.website(), r.email(), r.phone(),
				r.languages(), "changed " + version, stage, r.ownerId(), r.tags(), version);
	}

}
