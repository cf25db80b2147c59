package org.outreachcrm.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;

@FlowTest
class ColdOrganizationsTest {

	// far before any other test's data, so this test's organizations lead the list
	static final Instant T0 = Instant.parse("1987-01-01T00:00:00Z");

	@Autowired
	ColdOrganizations cold;

	@Autowired
	Interactions interactions;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void logIn() {
		Staff.actAs(Staff.create(this.users, Role.STAFF));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
		this.clock.set(org.outreachcrm.testsupport.MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void listsOrganizationsSilentForLongerThanTheConfiguredDays() {
		this.clock.set(T0);
		OrganizationDetails neverContacted = create();
		OrganizationDetails contactedLater = create();
		this.interactions.log(InteractionRequest.of(contactedLater.id(), List.of(), InteractionType.CALL,
				T0.plus(Duration.ofDays(50)), null, Direction.OUTBOUND, "Call"));
		this.clock.set(T0.plus(Duration.ofDays(95)));
		OrganizationDetails young = create();

		this.clock.set(T0.plus(Duration.ofDays(100)));
		List<ColdOrganization> at100 = mine(this.cold.list(null, PageRequest.of(0, 200)).getContent(), neverContacted,
				contactedLater, young);
		assertThat(at100).extracting(ColdOrganization::organizationId).containsExactly(neverContacted.id());
		assertThat(at100.get(0).lastInteractionAt()).isNull();
		assertThat(at100.get(0).silentDays()).isEqualTo(100);

		this.clock.set(T0.plus(Duration.ofDays(141)));
		List<ColdOrganization> at141 = mine(this.cold.list(null, PageRequest.of(0, 200)).getContent(), neverContacted,
				contactedLater, young);
		assertThat(at141).extracting(ColdOrganization::organizationId)
			.containsExactly(neverContacted.id(), contactedLater.id());
		assertThat(at141.get(1).lastInteractionAt()).isEqualTo(T0.plus(Duration.ofDays(50)));

		assertThat(mine(this.cold.list(30, PageRequest.of(0, 200)).getContent(), neverContacted, contactedLater, young))
			.extracting(ColdOrganization::organizationId)
			.containsExactly(neverContacted.id(), contactedLater.id(), young.id());
	}

	@Test
	void anOlderInteractionLoggedLaterKeepsTheNewestAsLastContact() {
		this.clock.set(T0);
		OrganizationDetails organization = create();
		this.interactions.log(InteractionRequest.of(organization.id(), List.of(), InteractionType.CALL,
				T0.plus(Duration.ofDays(60)), null, Direction.OUTBOUND, "Recent call"));
		this.interactions.log(InteractionRequest.of(organization.id(), List.of(), InteractionType.EMAIL,
				T0.plus(Duration.ofDays(10)), null, Direction.OUTBOUND, "Back-dated email"));

		this.clock.set(T0.plus(Duration.ofDays(200)));
		List<ColdOrganization> cold = mine(this.cold.list(null, PageRequest.of(0, 200)).getContent(), organization);
		assertThat(cold).singleElement()
			.extracting(ColdOrganization::lastInteractionAt)
			.isEqualTo(T0.plus(Duration.ofDays(60)));
	}

	@Test
	void anOrganizationNeverContactedGoesColdEvenWhenOutreachNeverHeardOfIt() {
		// written in bulk as an import does: no event tells the outreach module about it
		long id = 7_100_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000);
		this.jdbc.sql("""
				INSERT INTO organization (id, name, name_key, type, country, stage, created_at, updated_at, version)
				VALUES (?, ?, ?, 'NGO', 'HU', 'PROSPECT', ?, ?, 0)""")
			.params(id, "Imported " + id, "imported " + id, java.time.LocalDateTime.of(1987, 1, 1, 0, 0),
					java.time.LocalDateTime.of(1987, 1, 1, 0, 0))
			.update();
		this.clock.set(T0.plus(Duration.ofDays(100)));

		assertThat(this.cold.list(null, PageRequest.of(0, 500)).getContent())
			.filteredOn((c) -> c.organizationId() == id)
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.lastInteractionAt()).isNull();
				assertThat(c.silentDays()).isEqualTo(100);
			});
		this.clock.set(T0.plus(Duration.ofDays(20)));
		assertThat(this.cold.list(null, PageRequest.of(0, 500)).getContent())
			.noneMatch((c) -> c.organizationId() == id);
	}

	@Test
	void zeroDaysIsRefusedNotIgnored() {
		assertThatThrownBy(() -> this.cold.list(0, PageRequest.of(0, 10))).isInstanceOf(BusinessRuleException.class)
			.extracting((ex) -> ((BusinessRuleException) ex).messageKey())
			.isEqualTo("cold.days.invalid");
	}

	private OrganizationDetails create() {
		return this.organizations.create(organization("Cold " + marker(), OrganizationType.MEDIA, "HU"));
	}

	private static List<ColdOrganization> mine(List<ColdOrganization> all, OrganizationDetails... mine) {
		List<Long> ids = java.util.Arrays.stream(mine).map(OrganizationDetails::id).toList();
		return all.stream().filter((c) -> ids.contains(c.organizationId())).toList();
	}

}
