package org.outreachcrm.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.LowerBoundTotal;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;

/**
 * The going-cold pages walk the indexes up to the page instead of counting every
 * organization: each page holds what the counting plan it replaced put there, in the same
 * order and the same country scope.
 */
@FlowTest
class ColdOrganizationsWalkTest {

	static final Instant T0 = Instant.parse("1986-01-01T00:00:00Z");

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

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	ScopeSql scope;

	@AfterEach
	void reset() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void pagesHoldWhatTheCountingPlanPutThereInEveryScope() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		UserView colleague = Staff.create(this.users, Role.STAFF);
		String m = marker();
		UserView manager = this.users.create(
				new NewUser("mgr" + m, "Test-Passw0rd-" + m, "Manager " + m, null, Set.of(Role.MANAGER), Set.of("HU")));
		List<String> countries = List.of("HU", "SK");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			// created a day apart, some at the same instant so that the id breaks the tie
			this.clock.set(T0.plus(Duration.ofDays(i - i % 3)));
			ids.add(this.organizations
				.create(organization("Walk " + m + " " + i, OrganizationType.MEDIA, countries.get(i % 2)))
				.id());
		}
		for (int i = 0; i < 14; i += 2) {
			Staff.actAs(i % 4 == 0 ? staff : colleague);
			this.interactions.log(InteractionRequest.of(ids.get(i), List.of(), InteractionType.CALL,
					T0.plus(Duration.ofDays(20 - i)), null, Direction.OUTBOUND, "Call " + i));
		}
		// the colleague's call leaves the staff member an open follow-up: theirs too
		Staff.actAs(colleague);
		this.interactions.log(new InteractionRequest(ids.get(3), List.of(), InteractionType.CALL,
				T0.plus(Duration.ofDays(2)), "UTC", Direction.OUTBOUND, "Call with a follow-up", null, null, null, null,
				null, new FollowUpRequest(java.time.LocalDate.of(1986, 6, 1), staff.id(), "Call them back"), null));
		Staff.logOut();
		// written in bulk: the outreach module never heard of these
		for (int i = 0; i < 3; i++) {
			long id = 7_200_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
			this.jdbc.sql("""
					INSERT INTO organization (id, name, name_key, type, country, stage, created_at, updated_at, version)
					VALUES (?, ?, ?, 'NGO', ?, 'PROSPECT', ?, ?, 0)""")
				.params(id, "Bulk " + m + i, "bulk " + i, countries.get(i % 2), LocalDateTime.of(1986, 1, 2 + i, 0, 0),
						LocalDateTime.of(1986, 1, 2 + i, 0, 0))
				.update();
		}
		this.clock.set(T0.plus(Duration.ofDays(400)));

		for (UserView who : List.of(staff, manager)) {
			Staff.actAs(who);
			for (int size : List.of(1, 4, 7)) {
				for (int number = 0; number < 4; number++) {
					PageRequest request = PageRequest.of(number, size);
					Page<ColdOrganization> page = this.cold.list(null, request);
					assertThat(ids(page)).as(who.username() + " list " + request).isEqualTo(countingList(request));
					// whatever other tests left in the database: a next page exactly when
					// the counting plan had one, and the total exact on the last page
					boolean more = request.getOffset() + size < countingTotal();
					assertThat(page.hasNext()).as(who.username() + " list " + request).isEqualTo(more);
					assertThat(((LowerBoundTotal) page).isTotalExact()).isEqualTo(!more);
					if (!more) {
						assertThat(page.getTotalElements()).isEqualTo(countingTotal());
					}
					assertThat(ids(this.cold.mine(staff.id(), request))).as(who.username() + " mine " + request)
						.isEqualTo(countingMine(staff.id(), request));
				}
			}
			assertThat(this.cold.coldestOfMine(staff.id(), 3))
				.isEqualTo(this.cold.mine(staff.id(), PageRequest.of(0, 3)).getContent());
		}
		Staff.actAs(staff);
		Page<ColdOrganization> all = this.cold.mine(staff.id(), PageRequest.of(0, 100));
		assertThat(((LowerBoundTotal) all).isTotalExact()).as("the last page counts").isTrue();
		assertThat(all.getContent()).extracting(ColdOrganization::organizationId)
			.containsExactlyInAnyOrder(ids.get(0), ids.get(3), ids.get(4), ids.get(8), ids.get(12));
		assertThat(all.getTotalElements()).isEqualTo(5);
		assertThat(all.hasNext()).isFalse();
	}

	private static List<Long> ids(Page<ColdOrganization> page) {
		return page.getContent().stream().map(ColdOrganization::organizationId).toList();
	}

	/** The plan of the list before the walk: every organization, counted and sorted. */
	private List<Long> countingList(PageRequest request) {
		MapSqlParameterSource params = params(request);
		String where = """
				 FROM (SELECT d.id AS organization_id, COALESCE(a.known_since, d.created_at) AS known_since,
				              a.last_interaction_at
				         FROM organization d LEFT JOIN outreach_organization a ON a.organization_id = d.id) o
				WHERE (o.last_interaction_at < :cutoff
				 OR (o.last_interaction_at IS NULL AND o.known_since < :cutoff))"""
				+ this.scope.byOrganization("o", params);
		return page(where, params);
	}

	/** How many organizations the counting plan counted. */
	private long countingTotal() {
		MapSqlParameterSource params = params(PageRequest.of(0, 1));
		return this.named.queryForObject("""
				SELECT COUNT(*)
				  FROM (SELECT d.id AS organization_id, COALESCE(a.known_since, d.created_at) AS known_since,
				               a.last_interaction_at
				          FROM organization d LEFT JOIN outreach_organization a ON a.organization_id = d.id) o
				 WHERE (o.last_interaction_at < :cutoff
				  OR (o.last_interaction_at IS NULL AND o.known_since < :cutoff))"""
				+ this.scope.byOrganization("o", params), params, Long.class);
	}

	/** The plan of a staff member's own before the walk. */
	private List<Long> countingMine(long staffId, PageRequest request) {
		MapSqlParameterSource params = params(request).addValue("staff", staffId);
		String where = """
				 FROM outreach_organization o
				WHERE o.organization_id IN (SELECT i.organization_id FROM interaction i WHERE i.staff_id = :staff
				                            UNION
				                            SELECT f.organization_id FROM follow_up f
				                             WHERE f.assignee_id = :staff AND f.completed_at IS NULL)
				  AND (o.last_interaction_at < :cutoff
				   OR (o.last_interaction_at IS NULL AND o.known_since < :cutoff))"""
				+ this.scope.byOrganization("o", params);
		return page(where, params);
	}

	private MapSqlParameterSource params(PageRequest request) {
		Instant cutoff = this.clock.instant().minus(Duration.ofDays(this.cold.days(null)));
		return new MapSqlParameterSource("cutoff", LocalDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC))
			.addValue("limit", request.getPageSize())
			.addValue("offset", request.getOffset());
	}

	private List<Long> page(String where, MapSqlParameterSource params) {
		return this.named.queryForList("SELECT o.organization_id" + where
				+ " ORDER BY COALESCE(o.last_interaction_at, o.known_since), o.organization_id"
				+ " LIMIT :limit OFFSET :offset", params, Long.class);
	}

}
