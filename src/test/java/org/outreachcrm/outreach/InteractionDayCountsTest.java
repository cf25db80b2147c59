package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.InteractionWriter.Pending;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;

/**
 * The daily and monthly counts the activity report reads equal a count of the
 * interactions after every way interactions are written: logged one by one, logged by the
 * group-commit writer (a group with a refused request, a group the database refuses and
 * writes again request by request, concurrent requests), edited (type, day, organization
 * of another country, campaign, staff member), deleted, unlinked from a deleted campaign,
 * rolled back, and recounted from scratch. Committed, as the writer's own thread only
 * sees committed rows; the test's days are its own (a random stretch of 2041-2048), so
 * other tests' rows do not enter the comparison, and its rows are removed after it.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class InteractionDayCountsTest {

	@Autowired
	Interactions interactions;

	@Autowired
	InteractionWriter writer;

	@Autowired
	Campaigns campaigns;

	@Autowired
	InteractionDayCounts counts;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	String m;

	UserView me;

	UserView other;

	OrganizationDetails polish;

	OrganizationDetails romanian;

	LocalDate firstDay;

	@BeforeEach
	void setUp() {
		this.m = marker();
		this.firstDay = LocalDate.of(2041, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2900));
		this.me = Staff.create(this.users, Role.MANAGER);
		this.other = Staff.create(this.users, Role.STAFF);
		Staff.actAs(this.me);
		this.polish = this.organizations.create(organization("Counted PL " + this.m, OrganizationType.NGO, "PL"));
		this.romanian = this.organizations.create(organization("Counted RO " + this.m, OrganizationType.MEDIA, "RO"));
	}

	@AfterEach
	void cleanUp() {
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM interaction WHERE subject LIKE ?", Long.class,
				"%" + this.m + "%");
		this.transactions.executeWithoutResult((status) -> {
			for (Long id : ids) {
				this.counts.uncountIds(id, id);
				this.jdbc.update("DELETE FROM follow_up WHERE interaction_id = ?", id);
				this.jdbc.update("DELETE FROM interaction_contact WHERE interaction_id = ?", id);
				this.jdbc.update("DELETE FROM interaction_tag WHERE interaction_id = ?", id);
				this.jdbc.update("DELETE FROM interaction WHERE id = ?", id);
			}
		});
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id IN (?, ?)", this.polish.id(),
				this.romanian.id());
		this.organizations.delete(this.polish.id(), null);
		this.organizations.delete(this.romanian.id(), null);
		Staff.logOut();
	}

	@Test
	void countsEqualTheRowsAfterEveryWritePath() throws Exception {
		CampaignView spring = this.campaigns.create(new CampaignRequest("Counted spring " + this.m, null,
				LocalDate.of(2040, 1, 1), null, null, null, Set.of(), null));
		CampaignView autumn = this.campaigns.create(new CampaignRequest("Counted autumn " + this.m, null,
				LocalDate.of(2040, 1, 1), null, null, null, Set.of(), null));
		// one by one, in the caller's thread (pages, meetings)
		InteractionView call = this.interactions
			.log(request(this.polish.id(), InteractionType.CALL, at(0, "23:59:59"), null, spring.id()));
		InteractionView email = this.interactions
			.log(request(this.romanian.id(), InteractionType.EMAIL, at(1, "00:00:00"), this.other.id(), null));
		this.interactions.log(request(this.polish.id(), InteractionType.EVENT, at(1, "12:00:00"), null, autumn.id()));
		assertCountsEqualRows("logged one by one");

		// a group: one transaction, one multi-row upsert; the unknown organization's
		// request
		// is refused alone and counts nothing
		List<Pending> group = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			group.add(this.writer.pending(request((i % 2 == 0) ? this.polish.id() : this.romanian.id(),
					(i % 3 == 0) ? InteractionType.CALL : InteractionType.LETTER, at(i % 3, "10:0" + i + ":00"),
					(i % 2 == 0) ? null : this.other.id(), (i == 4) ? spring.id() : null)));
		}
		Pending unknown = this.writer
			.pending(request(Long.MAX_VALUE, InteractionType.CALL, at(2, "09:00:00"), null, null));
		group.add(unknown);
		this.writer.write(group);
		assertThat(unknown.result().get().refusal()).isNotNull();
		assertCountsEqualRows("a group with a refused request");

		// the database refuses the group: rolled back with its counts, then each request
		// written on its own (the rest counted once, not twice)
		Pending before = this.writer
			.pending(request(this.polish.id(), InteractionType.MESSAGE, at(3, "08:00:00"), null, null));
		Pending tooLong = this.writer
			.pending(new InteractionRequest(this.polish.id(), List.of(), InteractionType.MESSAGE, at(3, "09:00:00"),
					"UTC", Direction.OUTBOUND, "x".repeat(400) + this.m, null, null, null, null, Set.of(), null, null));
		Pending after = this.writer
			.pending(request(this.romanian.id(), InteractionType.MESSAGE, at(3, "10:00:00"), null, null));
		this.writer.write(List.of(before, tooLong, after));
		assertThatThrownBy(tooLong::answer).isInstanceOf(DataAccessException.class);
		assertThat(rows(this.firstDay.plusDays(3))).isEqualTo(2);
		assertCountsEqualRows("a refused group written again request by request");

		// concurrent requests through the queue: groups form as they arrive
		ExecutorService clients = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<InteractionView>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 18; i++) {
				InteractionRequest concurrent = request((i % 2 == 0) ? this.polish.id() : this.romanian.id(),
						InteractionType.values()[i % InteractionType.values().length],
						at(4 + i % 2, "1" + (i % 10) + ":00:00"), null, (i % 3 == 0) ? autumn.id() : null);
				answers.add(clients.submit(() -> {
					Staff.actAs(this.me);
					try {
						start.await();
						return this.writer.log(concurrent);
					}
					finally {
						Staff.logOut();
					}
				}));
			}
			start.countDown();
			for (Future<InteractionView> answer : answers) {
				assertThat(answer.get().id()).isPositive();
			}
		}
		finally {
			clients.shutdown();
		}
		assertCountsEqualRows("concurrent requests, group-committed");

		// edits: type, day (over midnight), organization in another country, campaign,
		// staff member
		InteractionView edited = this.interactions.update(call.id(),
				new InteractionRequest(this.romanian.id(), List.of(), InteractionType.MEETING_ONLINE, at(2, "00:00:01"),
						"Europe/Bucharest", Direction.INBOUND, "Edited " + this.m, null, null, this.other.id(),
						autumn.id(), Set.of(), null, call.version()));
		assertThat(edited.type()).isEqualTo(InteractionType.MEETING_ONLINE);
		this.interactions.update(email.id(),
				new InteractionRequest(this.romanian.id(), List.of(), InteractionType.EMAIL, at(1, "00:00:00"), "UTC",
						Direction.OUTBOUND, "Unchanged counts " + this.m, null, null, this.other.id(), null, Set.of(),
						null, email.version()));
		assertCountsEqualRows("edited");

		// deleted
		this.interactions.delete(edited.id(), null);
		assertCountsEqualRows("deleted");

		// a campaign deleted: its interactions stay, without a campaign
		this.campaigns.delete(autumn.id(), null);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM interaction_day_count WHERE campaign_id = ?" + " AND interactions <> 0",
				Long.class, autumn.id()))
			.isZero();
		assertCountsEqualRows("campaign deleted");

		// rolled back: nothing counted
		this.transactions.executeWithoutResult((status) -> {
			this.interactions.log(request(this.polish.id(), InteractionType.CALL, at(6, "06:00:00"), null, null));
			status.setRollbackOnly();
		});
		assertThat(rows(this.firstDay.plusDays(6))).isZero();
		assertCountsEqualRows("rolled back");

		// moved between organizations with SQL (as a merge does): uncount, move, count
		this.transactions.executeWithoutResult((status) -> {
			this.counts.uncountOrganizations(List.of(this.polish.id(), this.romanian.id()));
			this.jdbc.update("UPDATE interaction SET organization_id = ?, country = 'RO' WHERE organization_id = ?",
					this.romanian.id(), this.polish.id());
			this.counts.countOrganizations(List.of(this.romanian.id()));
		});
		assertCountsEqualRows("moved to another organization and country");

		this.campaigns.delete(spring.id(), null);
		Map<String, Long> incremental = counted("'T', 'S', 'M', 'N'", this.firstDay.minusDays(40),
				this.firstDay.plusDays(40));
		this.transactions.executeWithoutResult((status) -> this.counts.rebuild());
		assertThat(counted("'T', 'S', 'M', 'N'", this.firstDay.minusDays(40), this.firstDay.plusDays(40)))
			.as("recounted from scratch")
			.isEqualTo(incremental);
	}

	private void assertCountsEqualRows(String after) {
		assertThat(counted("'T', 'S'", this.firstDay.minusDays(1), this.firstDay.plusDays(8)))
			.as("daily counts after: " + after)
			.isEqualTo(rows(this.firstDay.minusDays(1), this.firstDay.plusDays(8), false))
			.isNotEmpty();
		LocalDate firstMonth = this.firstDay.minusDays(1).withDayOfMonth(1);
		LocalDate lastMonth = this.firstDay.plusDays(8).withDayOfMonth(1);
		assertThat(counted("'M', 'N'", firstMonth, lastMonth)).as("monthly counts after: " + after)
			.isEqualTo(rows(firstMonth, lastMonth.plusMonths(1).minusDays(1), true))
			.isNotEmpty();
	}

	/**
	 * Non-zero counts of the dimensions from day to day, by
	 * dimension/day/country/campaign/item.
	 */
	private Map<String, Long> counted(String dimensions, LocalDate from, LocalDate to) {
		Map<String, Long> counted = new TreeMap<>();
		this.jdbc.query("""
				SELECT dimension, occurred_on, country, campaign_id, item, interactions FROM interaction_day_count
				 WHERE dimension IN (%s) AND occurred_on >= ? AND occurred_on <= ? AND interactions <> 0"""
			.formatted(dimensions), (rs) -> {
				counted.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3) + "|"
						+ rs.getLong(4) + "|" + rs.getString(5), rs.getLong(6));
			}, from, to);
		return counted;
	}

	/** The same, counted from the interactions, per day or per month. */
	private Map<String, Long> rows(LocalDate from, LocalDate to, boolean monthly) {
		Map<String, Long> rows = new TreeMap<>();
		this.jdbc.query("""
				SELECT occurred_at, country, campaign_id, type, staff_id FROM interaction
				 WHERE occurred_at >= ? AND occurred_at < ?""", (rs) -> {
			LocalDate day = rs.getTimestamp(1).toLocalDateTime().toLocalDate();
			String country = rs.getString(2) == null ? "" : rs.getString(2);
			long campaign = rs.getLong(3);
			String key = "|" + (monthly ? day.withDayOfMonth(1) : day) + "|" + country + "|" + campaign + "|";
			rows.merge((monthly ? "M" : "T") + key + rs.getString(4), 1L, Long::sum);
			rows.merge((monthly ? "N" : "S") + key + rs.getLong(5), 1L, Long::sum);
		}, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
		return rows;
	}

	private long rows(LocalDate day) {
		Long n = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM interaction WHERE occurred_at >= ? AND occurred_at < ? AND subject LIKE ?",
				Long.class, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), "%" + this.m + "%");
		return n == null ? 0 : n;
	}

	private Instant at(int day, String time) {
		return Instant.parse(this.firstDay.plusDays(day) + "T" + time + "Z");
	}

	private InteractionRequest request(long organizationId, InteractionType type, Instant at, Long staffId,
			Long campaignId) {
		return new InteractionRequest(organizationId, List.of(), type, at, "Europe/Warsaw", Direction.OUTBOUND,
				type + " " + this.m, null, null, staffId, campaignId, Set.of(), null, null);
	}

}
