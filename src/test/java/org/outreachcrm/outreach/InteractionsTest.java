package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

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
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

@FlowTest
class InteractionsTest {

	static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	Interactions interactions;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	UserView me;

	@BeforeEach
	void logIn() {
		this.me = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.me);
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void storesWarsawMorningAsUtcAndShowsItInEachViewersZone() {
		OrganizationDetails org = this.organizations
			.create(organization("Fundacja " + marker(), OrganizationType.FOUNDATION, "PL"));
		Instant nineInWarsaw = ZonedDateTime.of(2026, 1, 15, 9, 0, 0, 0, WARSAW).toInstant();

		InteractionView logged = this.interactions.log(InteractionRequest.of(org.id(), List.of(), InteractionType.CALL,
				nineInWarsaw, "Europe/Warsaw", Direction.OUTBOUND, "First call"));

		LocalDateTime stored = this.jdbc.queryForObject("SELECT occurred_at FROM interaction WHERE id = ?",
				LocalDateTime.class, logged.id());
		assertThat(stored).isEqualTo(LocalDateTime.of(2026, 1, 15, 8, 0));
		assertThat(logged.timeZone()).isEqualTo(WARSAW);
		assertThat(logged.localTime()).isEqualTo(LocalDateTime.of(2026, 1, 15, 9, 0));
		assertThat(this.interactions.get(logged.id(), null).localTime()).isEqualTo(LocalDateTime.of(2026, 1, 15, 9, 0));
		assertThat(this.interactions.get(logged.id(), NEW_YORK).localTime())
			.isEqualTo(LocalDateTime.of(2026, 1, 15, 3, 0));
		assertThat(this.interactions.get(logged.id(), NEW_YORK).occurredAt()).isEqualTo(nineInWarsaw);
	}

	@Test
	void defaultsTheStaffMemberToTheCurrentUserAndListsByContact() {
		OrganizationDetails org = this.organizations
			.create(organization("Org " + marker(), OrganizationType.NGO, "RO"));
		ContactDetails ana = this.contacts.create(person("Ana", marker(), null, "RO"));

		InteractionView logged = this.interactions.log(InteractionRequest.of(org.id(), List.of(ana.id()),
				InteractionType.EMAIL, Instant.parse("2026-01-10T10:00:00Z"), null, Direction.INBOUND, "Reply"));

		assertThat(logged.staffId()).isEqualTo(this.me.id());
		assertThat(logged.timeZone()).isEqualTo(ZoneId.of("Z"));
		assertThat(this.interactions
			.list(new InteractionQuery(null, ana.id(), null, null, null, null), PageRequest.of(0, 10), null)
			.getContent()).extracting(InteractionView::id).containsExactly(logged.id());
	}

	@Test
	void editingKeepsTheStaffMemberWhoHadTheInteraction() {
		OrganizationDetails org = this.organizations
			.create(organization("Org " + marker(), OrganizationType.NGO, "RO"));
		InteractionRequest request = InteractionRequest.of(org.id(), List.of(), InteractionType.LETTER,
				Instant.parse("2026-01-10T10:00:00Z"), null, Direction.OUTBOUND, "Letter");
		InteractionView logged = this.interactions.log(request);

		Staff.actAs(Staff.create(this.users, Role.MANAGER));
		InteractionView edited = this.interactions.update(logged.id(),
				new InteractionRequest(org.id(), List.of(), InteractionType.LETTER, logged.occurredAt(), null,
						Direction.OUTBOUND, "Letter, signed", null, null, null, null, null, null, logged.version()));

		assertThat(edited.staffId()).isEqualTo(this.me.id());
		assertThat(edited.subject()).isEqualTo("Letter, signed");
	}

	@Test
	void deletingAnInteractionRemovesItsFollowUpsAndResetsTheLastContact() {
		OrganizationDetails org = this.organizations
			.create(organization("Org " + marker(), OrganizationType.NGO, "RO"));
		InteractionView logged = this.interactions.log(new InteractionRequest(org.id(), List.of(), InteractionType.CALL,
				Instant.parse("2026-01-10T10:00:00Z"), null, Direction.OUTBOUND, "Call", null, null, null, null, null,
				new FollowUpRequest(LocalDate.parse("2026-02-01"), null, "x"), null));
		assertThat(lastContact(org.id())).isEqualTo(LocalDateTime.of(2026, 1, 10, 10, 0));

		this.interactions.delete(logged.id(), logged.version());

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM follow_up WHERE interaction_id = ?", Long.class,
				logged.id()))
			.isZero();
		assertThat(lastContact(org.id())).isNull();
	}

	@Test
	void refusesUnknownOrganizationContactAndZone() {
		OrganizationDetails org = this.organizations
			.create(organization("Org " + marker(), OrganizationType.NGO, "RO"));
		Instant at = Instant.parse("2026-01-10T10:00:00Z");
		assertThatThrownBy(() -> this.interactions
			.log(InteractionRequest.of(-5, List.of(), InteractionType.CALL, at, null, Direction.OUTBOUND, "x")))
			.isInstanceOf(BusinessRuleException.class)
			.hasFieldOrPropertyWithValue("messageKey", "outreach.organization.unknown");
		assertThatThrownBy(() -> this.interactions.log(
				InteractionRequest.of(org.id(), List.of(-7L), InteractionType.CALL, at, null, Direction.OUTBOUND, "x")))
			.hasFieldOrPropertyWithValue("messageKey", "outreach.contact.unknown");
		assertThatThrownBy(() -> this.interactions.log(InteractionRequest.of(org.id(), List.of(), InteractionType.CALL,
				at, "Mars/Olympus", Direction.OUTBOUND, "x")))
			.hasFieldOrPropertyWithValue("messageKey", "outreach.timeZone.unknown");
	}

	private @org.jspecify.annotations.Nullable LocalDateTime lastContact(long organizationId) {
		return this.jdbc.queryForObject(
				"SELECT last_interaction_at FROM outreach_organization WHERE organization_id = ?", LocalDateTime.class,
				organizationId);
	}

}
