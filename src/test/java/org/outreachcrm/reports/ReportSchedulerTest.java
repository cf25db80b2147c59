package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.testsupport.DirectoryData;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Schedules with a controlled clock: cron and picker, zones, skipping, isolation, once.
 */
@CommittingReportTest
class ReportSchedulerTest {

	// Sunday noon UTC; Warsaw is UTC+1 until the end of March
	static final Instant SUNDAY = Instant.parse("2031-03-09T12:00:00Z");

	@Autowired
	ReportSchedules schedules;

	@Autowired
	ReportScheduler scheduler;

	@Autowired
	ReportQueries queries;

	@Autowired
	RunStore store;

	@Autowired
	ReportRunner runner;

	@Autowired
	ReportMailer mailer;

	@Autowired
	UserAccounts users;

	@Autowired
	ReportsProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecipientPolicy recipients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	UserView manager;

	@BeforeEach
	void setUp() {
		ReportScenario.seed(this.jdbc, this.clock, SUNDAY);
		this.manager = ReportScenario.manager(this.users);
		Staff.actAs(this.manager);
	}

	@AfterEach
	void cleanUp() {
		Staff.logOut();
		ReportScenario.cleanUp(this.jdbc, this.clock);
	}

	@Test
	void theFriendlyPickerBecomesACronInTheChosenZone() {
		ScheduleView weekly = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		assertThat(weekly.cron()).isEqualTo("0 30 8 * * MON");
		assertThat(weekly.nextRunAt()).isEqualTo(Instant.parse("2031-03-10T07:30:00Z"));

		ScheduleView monthly = this.schedules
			.create(new ScheduleRequest("Monthly", ReportType.COVERAGE, ReportPeriod.LAST_MONTH, null, null,
					ScheduleFrequency.MONTHLY, null, null, 1, "06:00", "America/New_York", null, false, true, null));
		assertThat(monthly.cron()).isEqualTo("0 0 6 1 * *");
		assertThat(monthly.nextRunAt()).isEqualTo(Instant.parse("2031-04-01T10:00:00Z"));

		ScheduleView cron = this.schedules.create(new ScheduleRequest("Cron", ReportType.MEETINGS, ReportPeriod.QUARTER,
				null, null, ScheduleFrequency.CRON, "0 0 7 * * MON-FRI", null, null, null, "Asia/Tokyo", null, false,
				true, null));
		assertThat(cron.nextRunAt()).isEqualTo(Instant.parse("2031-03-09T22:00:00Z"));
	}

	@Test
	void anInvalidCronOrZoneIsRefusedWhenSaved() {
		assertThatThrownBy(() -> this.schedules
			.create(new ScheduleRequest("Bad", ReportType.MEETINGS, ReportPeriod.QUARTER, null, null,
					ScheduleFrequency.CRON, "every monday", null, null, null, "UTC", null, false, true, null)))
			.isInstanceOfSatisfying(InvalidScheduleException.class, (ex) -> assertThat(ex.field()).isEqualTo("cron"));
		assertThatThrownBy(() -> this.schedules.create(weekly("Mars/Olympus", List.of()))).isInstanceOfSatisfying(
				InvalidScheduleException.class, (ex) -> assertThat(ex.field()).isEqualTo("timeZone"));
	}

	@Test
	void aDueScheduleFiresOnceForItsSlotWithTheOwnersScope() {
		ScheduleView schedule = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		this.clock.set(Instant.parse("2031-03-10T07:29:59Z"));
		this.scheduler.tick();
		assertThat(runsOf(schedule.id())).isEmpty();

		this.clock.set(Instant.parse("2031-03-10T07:31:00Z"));
		this.scheduler.tick();
		this.scheduler.tick();
		List<ReportRunView> runs = runsOf(schedule.id());
		assertThat(runs).hasSize(1);
		ReportRunView run = awaitFinished(runs.get(0).id());
		assertThat(run.status()).isEqualTo(ReportRunStatus.COMPLETED);
		assertThat(run.from()).hasToString("2031-03-03");
		assertThat(run.to()).hasToString("2031-03-09");
		assertThat(run.requestedBy()).isEqualTo(this.manager.username());
		RunStore.StoredRun stored = this.store.find(run.id()).orElseThrow();
		assertThat(stored.scope().countries()).containsExactlyInAnyOrder("TV", "NR");
		assertThat(stored.filter().campaignId()).isNull();
		assertThat(this.queries.compute(stored.filter(), stored.scope()).figure("interactions")).isEqualTo(3);
		assertThat(this.schedules.get(schedule.id()).lastOutcome()).startsWith("Run " + run.id() + " queued");

		this.clock.set(Instant.parse("2031-03-17T07:31:00Z"));
		this.scheduler.tick();
		assertThat(runsOf(schedule.id())).hasSize(2);
	}

	@Test
	void anEmptyReportIsSkippedWhenTheScheduleSaysSo() {
		// the owner may not see KI: the report is empty
		ScheduleRequest request = new ScheduleRequest("Empty", ReportType.OUTREACH_ACTIVITY, ReportPeriod.LAST_WEEK,
				List.of("KI"), null, ScheduleFrequency.DAILY, null, null, null, "08:30", "UTC",
				List.of("boss@example.org"), true, true, null);
		ScheduleView schedule = this.schedules.create(request);
		this.clock.set(Instant.parse("2031-03-10T08:31:00Z"));
		this.scheduler.tick();
		ReportRunView run = awaitFinished(runsOf(schedule.id()).get(0).id());
		assertThat(run.status()).isEqualTo(ReportRunStatus.SKIPPED_EMPTY);
		assertThat(run.fileName()).isNull();
		assertThat(run.deliveryStatus()).isEqualTo(DeliveryStatus.NONE);
	}

	@Test
	void oneBrokenScheduleNeverBlocksTheOthers() {
		ScheduleView good = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		ScheduleView brokenCron = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		this.jdbc.sql("UPDATE report_schedule SET cron = 'not a cron' WHERE id = ?").param(brokenCron.id()).update();
		UserView leaver = this.users.create(new NewUser("gone" + DirectoryData.marker(), "Test-Passw0rd-x1y2z3", "Gone",
				null, Set.of(Role.MANAGER), Set.of("TV")));
		ScheduleView orphan = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		this.jdbc.sql("UPDATE report_schedule SET owner_id = ? WHERE id = ?").params(leaver.id(), orphan.id()).update();
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(leaver.id()).update();

		this.clock.set(Instant.parse("2031-03-10T07:31:00Z"));
		this.scheduler.tick();

		assertThat(runsOf(good.id())).hasSize(1);
		assertThat(this.schedules.get(brokenCron.id()).lastOutcome()).startsWith("Failed");
		// the orphan's owner had all countries: its schedule is out of this manager's
		// sight
		assertThat(this.jdbc.sql("SELECT last_outcome FROM report_schedule WHERE id = ?")
			.param(orphan.id())
			.query(String.class)
			.single()).startsWith("Failed at 2031-03-10T08:30").contains("disabled");
		assertThat(runsOf(orphan.id())).isEmpty();
	}

	@Test
	void twoInstancesSharingTheDatabaseRunAScheduledReportOnce() throws Exception {
		ScheduleView schedule = this.schedules.create(weekly("Europe/Warsaw", List.of()));
		ReportScheduler other = new ReportScheduler(this.jdbc, this.store, this.runner, this.mailer,
				SecondInstance.locks(this.dataSource), this.users, this.properties, this.clock, this.recipients);
		this.clock.set(Instant.parse("2031-03-10T07:31:00Z"));

		SecondInstance.atOnce(() -> tick(this.scheduler), () -> tick(other));
		// and a late instance that looks again after both
		other.tick();
		assertThat(runsOf(schedule.id())).hasSize(1);
	}

	private static Object tick(ReportScheduler scheduler) {
		scheduler.tick();
		return "ticked";
	}

	static ScheduleRequest weekly(String zone, List<String> recipients) {
		return new ScheduleRequest("Weekly activity", ReportType.OUTREACH_ACTIVITY, ReportPeriod.LAST_WEEK, null, null,
				ScheduleFrequency.WEEKLY, null, DayOfWeek.MONDAY, null, "08:30", zone, recipients, false, true, null);
	}

	private List<ReportRunView> runsOf(long scheduleId) {
		return this.store.page(null, 100, 0)
			.stream()
			.filter((r) -> Long.valueOf(scheduleId).equals(r.scheduleId()))
			.toList();
	}

	private ReportRunView awaitFinished(long id) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ReportRunStatus status = this.store.find(id).orElseThrow().view().status();
			return status != ReportRunStatus.QUEUED && status != ReportRunStatus.RUNNING;
		});
		return this.store.find(id).orElseThrow().view();
	}

}
