package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.MergeChoice;
import org.outreachcrm.directory.MergeRequest;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.RecordMerging;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * A Polish record merged into a Romanian one is one partner, in Romania: the interactions
 * and follow-ups of both take the kept record's country snapshot (the one the merge chose
 * for it), the activity report by country (read from the daily and monthly counts) equals
 * a recount from the interactions after the merge and after its undo, and the undo gives
 * every figure back exactly.
 */
@FlowTest
class MergedPartnerCountryTest {

	// a period no other test writes into: whole months (monthly rows) and a partial one
	private static final LocalDate FROM = LocalDate.of(2047, 4, 1);

	private static final LocalDate TO = LocalDate.of(2047, 6, 30);

	private static final LocalDate PART_FROM = LocalDate.of(2047, 5, 10);

	private static final LocalDate PART_TO = LocalDate.of(2047, 5, 20);

	@Autowired
	ReportQueries queries;

	@Autowired
	Organizations organizations;

	@Autowired
	Interactions interactions;

	@Autowired
	RecordMerging merging;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reportByCountryCountsTheMergedPartnersInteractionsWhereTheKeptRecordIsAndUndoRestoresThem() {
		UserView manager = Staff.create(this.users, Role.MANAGER);
		Staff.actAs(manager);
		try {
			String m = marker();
			OrganizationDetails romanian = this.organizations.create(organization("Asociația Lumina " + m, "RO"));
			OrganizationDetails polish = this.organizations.create(organization("Stowarzyszenie Lumina " + m, "PL"));
			log(romanian.id(), "2047-05-12T10:00:00Z", true);
			log(romanian.id(), "2047-04-03T10:00:00Z", false);
			log(polish.id(), "2047-05-15T10:00:00Z", true);
			log(polish.id(), "2047-05-16T23:30:00Z", false);
			log(polish.id(), "2047-06-01T00:00:00Z", false);
			Map<String, Long> before = byCountry(FROM, TO);
			Map<String, Long> beforePart = byCountry(PART_FROM, PART_TO);
			assertThat(before).isEqualTo(recount(FROM, TO));
			assertThat(beforePart).isEqualTo(recount(PART_FROM, PART_TO));

			OrganizationDetails kept = this.merging.mergeOrganizations(romanian.id(),
					new MergeRequest(polish.id(), Map.of(), this.organizations.get(romanian.id()).version()));

			assertThat(kept.country()).isEqualTo("RO");
			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM interaction WHERE organization_id = ?")
				.param(romanian.id())
				.query(String.class)
				.list()).containsExactly("RO");
			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM follow_up WHERE organization_id = ?")
				.param(romanian.id())
				.query(String.class)
				.list()).containsExactly("RO");
			Map<String, Long> after = byCountry(FROM, TO);
			assertThat(after).as("report after the merge = recount").isEqualTo(recount(FROM, TO));
			assertThat(byCountry(PART_FROM, PART_TO)).isEqualTo(recount(PART_FROM, PART_TO));
			assertThat(after.getOrDefault("RO", 0L)).isEqualTo(before.getOrDefault("RO", 0L) + 3);
			assertThat(after.getOrDefault("PL", 0L)).isEqualTo(before.getOrDefault("PL", 0L) - 3);

			long mergeId = this.jdbc.sql("SELECT id FROM record_merge WHERE kept_id = ? AND merged_id = ?")
				.params(romanian.id(), polish.id())
				.query(Long.class)
				.single();
			this.merging.undo(mergeId);

			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM interaction WHERE organization_id = ?")
				.param(polish.id())
				.query(String.class)
				.list()).containsExactly("PL");
			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM follow_up WHERE organization_id = ?")
				.param(polish.id())
				.query(String.class)
				.list()).containsExactly("PL");
			assertThat(byCountry(FROM, TO)).as("undo gives the figures back").isEqualTo(before);
			assertThat(byCountry(PART_FROM, PART_TO)).isEqualTo(beforePart);
			assertThat(byCountry(FROM, TO)).isEqualTo(recount(FROM, TO));
		}
		finally {
			Staff.logOut();
		}
	}

	@Test
	void whenTheMergeTakesTheMergedRecordsCountryTheKeptRecordsOwnInteractionsFollowAndUndoRestoresThem() {
		UserView manager = Staff.create(this.users, Role.MANAGER);
		Staff.actAs(manager);
		try {
			String m = marker();
			OrganizationDetails romanian = this.organizations.create(organization("Asociația Zorile " + m, "RO"));
			OrganizationDetails polish = this.organizations.create(organization("Stowarzyszenie Zorile " + m, "PL"));
			log(romanian.id(), "2047-05-12T10:00:00Z", true);
			log(romanian.id(), "2047-05-13T10:00:00Z", false);
			log(polish.id(), "2047-05-15T10:00:00Z", false);
			Map<String, Long> before = byCountry(FROM, TO);

			this.merging.mergeOrganizations(romanian.id(), new MergeRequest(polish.id(),
					Map.of("country", MergeChoice.MERGED), this.organizations.get(romanian.id()).version()));

			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM interaction WHERE organization_id = ?")
				.param(romanian.id())
				.query(String.class)
				.list()).as("the partner is in Poland, all its history with it").containsExactly("PL");
			Map<String, Long> after = byCountry(FROM, TO);
			assertThat(after).isEqualTo(recount(FROM, TO));
			assertThat(after.getOrDefault("PL", 0L)).isEqualTo(before.getOrDefault("PL", 0L) + 2);
			assertThat(after.getOrDefault("RO", 0L)).isEqualTo(before.getOrDefault("RO", 0L) - 2);

			this.merging.undo(this.jdbc.sql("SELECT id FROM record_merge WHERE kept_id = ? AND merged_id = ?")
				.params(romanian.id(), polish.id())
				.query(Long.class)
				.single());

			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM interaction WHERE organization_id = ?")
				.param(romanian.id())
				.query(String.class)
				.list()).containsExactly("RO");
			assertThat(this.jdbc.sql("SELECT DISTINCT country FROM follow_up WHERE organization_id = ?")
				.param(romanian.id())
				.query(String.class)
				.list()).containsExactly("RO");
			assertThat(byCountry(FROM, TO)).isEqualTo(before).isEqualTo(recount(FROM, TO));
		}
		finally {
			Staff.logOut();
		}
	}

	private void log(long organization, String at, boolean followUp) {
		this.interactions.log(new InteractionRequest(organization, List.of(), InteractionType.CALL, Instant.parse(at),
				"Europe/Bucharest", Direction.OUTBOUND, "Call", null, null, null, null, Set.of(),
				followUp ? new FollowUpRequest(LocalDate.of(2047, 7, 1), null, null) : null, null));
	}

	private static OrganizationRequest organization(String name, String country) {
		return new OrganizationRequest(name, OrganizationType.NGO, country, null, null, null, null, List.of(), null,
				null, null, Set.of(), null);
	}

	/** The activity report's interactions by country (from the kept counts). */
	private Map<String, Long> byCountry(LocalDate from, LocalDate to) {
		ReportData report = this.queries.compute(
				new ReportFilter(ReportType.OUTREACH_ACTIVITY, from, to, Set.of(), null), CountryScope.everything());
		Map<String, Long> rows = new HashMap<>();
		report.table(ActivityReport.BY_COUNTRY)
			.orElseThrow()
			.rows()
			.forEach((row) -> rows.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue()));
		return rows;
	}

	/** The same, counted straight from the interactions. */
	private Map<String, Long> recount(LocalDate from, LocalDate to) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT i.country, COUNT(*) FROM interaction i
				WHERE i.occurred_at >= ? AND i.occurred_at < ? GROUP BY i.country""")
			.params(from.atStartOfDay(), to.plusDays(1).atStartOfDay())
			.query((rs) -> {
				counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

}
