package org.outreachcrm.reports;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs left QUEUED or RUNNING by an instance that stopped: another instance computes them
 * once the dead one's claim has expired, exactly once, and never while the claim is
 * alive.
 */
@CommittingReportTest
class ReportRunResumeTest {

	@Autowired
	RunStore store;

	@Autowired
	ReportRunner runner;

	@Autowired
	ReportQueries queries;

	@Autowired
	ReportWorkbook workbook;

	@Autowired
	ReportFiles files;

	@Autowired
	ReportMailer mailer;

	@Autowired
	RunResults results;

	@Autowired
	ReportsProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void seed() {
		ReportScenario.seed(this.jdbc, this.clock, ReportScenario.NOW);
	}

	@AfterEach
	void cleanUp() {
		ReportScenario.cleanUp(this.jdbc, this.clock);
	}

	@Test
	void aRunningRunIsLeftAloneWhileItsInstanceHoldsTheClaim() {
		long id = abandonedRun(LIVE_CLAIM);

		assertThat(this.runner.runClaimed(id)).isFalse();
		ReportRunView run = this.store.find(id).orElseThrow().view();
		assertThat(run.status()).isEqualTo(ReportRunStatus.RUNNING);
		assertThat(run.fileName()).isNull();
	}

	@Test
	void aRunWhoseInstanceDiedIsComputedByExactlyOneOfTwoInstances() throws Exception {
		long id = abandonedRun(LocalDateTime.of(2000, 1, 1, 0, 0));
		ReportRunner other = otherInstance();
		try {
			assertThat(SecondInstance.atOnce(() -> this.runner.runClaimed(id), () -> other.runClaimed(id)))
				.containsExactlyInAnyOrder(true, false);
		}
		finally {
			other.destroy();
		}
		ReportRunView run = this.store.find(id).orElseThrow().view();
		assertThat(run.status()).isEqualTo(ReportRunStatus.COMPLETED);
		assertThat(run.startedAt()).isEqualTo(ReportScenario.NOW);
		assertThat(run.fileName()).isEqualTo(ReportFiles.name(id, ReportScenario.filter(ReportType.OUTREACH_ACTIVITY)));
		assertThat(Files.exists(this.files.resolve(run.fileName()).orElseThrow())).isTrue();
		// and an instance that looks again later finds it finished
		assertThat(this.runner.runClaimed(id)).isFalse();
	}

	@Test
	void theResumeTickPicksUpRunsWhoseClaimExpiredAndRunsNoInstanceStarted() {
		long abandoned = abandonedRun(LocalDateTime.of(2000, 1, 1, 0, 0));
		long live = abandonedRun(LIVE_CLAIM);
		long queued = this.store.insert(ReportScenario.filter(ReportType.COVERAGE), ReportScenario.SCOPE,
				Locale.ENGLISH, "resume-test", ReportScenario.NOW);

		this.runner.resumeInterrupted();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> status(abandoned) == ReportRunStatus.COMPLETED && status(queued) == ReportRunStatus.COMPLETED);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> status(live) == ReportRunStatus.RUNNING);
	}

	// a run an instance started, and the claim it held: alive until the given time
	/**
	 * A claim still held: far ahead, but within what a MySQL/MariaDB TIMESTAMP column
	 * holds (up to 2038-01-19).
	 */
	private static final LocalDateTime LIVE_CLAIM = LocalDateTime.of(2037, 12, 31, 0, 0);

	private long abandonedRun(LocalDateTime claimedUntil) {
		long id = this.store.insert(ReportScenario.filter(ReportType.OUTREACH_ACTIVITY), ReportScenario.SCOPE,
				Locale.ENGLISH, "resume-test", ReportScenario.NOW.minusSeconds(600));
		this.jdbc.sql("UPDATE report_run SET status = 'RUNNING', started_at = ? WHERE id = ?")
			.params(RunStore.utc(ReportScenario.NOW.minusSeconds(590)), id)
			.update();
		this.jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, 'stopped')")
			.params("report-run-" + id, claimedUntil, LocalDateTime.of(2000, 1, 1, 0, 0))
			.update();
		return id;
	}

	private ReportRunStatus status(long id) {
		return this.store.find(id).orElseThrow().view().status();
	}

	private ReportRunner otherInstance() {
		return new ReportRunner(this.store, this.queries, this.workbook, this.files, this.mailer, this.results,
				SecondInstance.locks(this.dataSource), this.clock, this.properties);
	}

}
