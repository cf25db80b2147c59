package org.outreachcrm.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired lock rows are removed after the retention, held and recent ones never, and a
 * lock whose row was removed is taken again by the same instance.
 */
@DatabaseTest
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ClusterLockCleanupTest {

	private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTestLocks() {
		this.jdbc.update("DELETE FROM shedlock WHERE name LIKE 'cleanup-test-%'");
	}

	@Test
	void removesRowsExpiredLongerThanTheRetentionAndKeepsHeldAndRecentOnes() {
		lockRow("cleanup-test-import-1", NOW.minus(Duration.ofDays(30)));
		lockRow("cleanup-test-report-mail-2", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
		lockRow("cleanup-test-report-run-3", NOW.minus(Duration.ofDays(6)));
		lockRow("cleanup-test-imports-inbox", NOW.minusSeconds(30));
		lockRow("cleanup-test-held", NOW.plus(Duration.ofMinutes(5)));
		ClusterLockCleanup cleanup = cleanup(Duration.ofDays(7));

		assertThat(cleanup.removeExpired()).isEqualTo(2);

		assertThat(testLocks()).containsExactly("cleanup-test-held", "cleanup-test-imports-inbox",
				"cleanup-test-report-run-3");
		assertThat(cleanup.removeExpired()).isZero();
	}

	@Test
	void retentionIsConfigurable() {
		lockRow("cleanup-test-import-1", NOW.minus(Duration.ofHours(3)));
		lockRow("cleanup-test-import-2", NOW.minus(Duration.ofMinutes(30)));

		cleanup(Duration.ofHours(1)).removeExpired();

		assertThat(testLocks()).containsExactly("cleanup-test-import-2");
	}

	@Test
	void aLockWhoseRowWasRemovedIsTakenAgainByAnInstanceThatHadUsedIt() {
		ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
		try {
			LockProvider locks = new ClusterLocks().lockProvider(this.dataSource, keepAlive);
			locks.lock(lock("cleanup-test-import-7")).orElseThrow().unlock();
			removeRow("cleanup-test-import-7");

			Optional<SimpleLock> again = locks.lock(lock("cleanup-test-import-7"));

			assertThat(again).isPresent();
			again.get().unlock();
			assertThat(testLocks()).containsExactly("cleanup-test-import-7");
		}
		finally {
			keepAlive.shutdownNow();
		}
	}

	@Test
	void shedLockAloneRefusesALockWhoseRowItRemembersWasRemoved() {
		// why ClusterLocks wraps the provider: ShedLock caches the rows it created
		JdbcTemplateLockProvider plain = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(this.jdbc).usingDbTime().build());
		plain.lock(lock("cleanup-test-import-8")).orElseThrow().unlock();
		removeRow("cleanup-test-import-8");

		assertThat(plain.lock(lock("cleanup-test-import-8"))).isEmpty();
	}

	private ClusterLockCleanup cleanup(Duration retention) {
		return new ClusterLockCleanup(JdbcClient.create(this.dataSource), new ClusterProperties(retention, "-"),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void lockRow(String name, Instant lockUntil) {
		this.jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, 'test')", name,
				LocalDateTime.ofInstant(lockUntil, ZoneOffset.UTC),
				LocalDateTime.ofInstant(lockUntil.minusSeconds(60), ZoneOffset.UTC));
	}

	private void removeRow(String name) {
		this.jdbc.update("DELETE FROM shedlock WHERE name = ?", name);
	}

	private List<String> testLocks() {
		return this.jdbc.queryForList("SELECT name FROM shedlock WHERE name LIKE 'cleanup-test-%' ORDER BY name",
				String.class);
	}

	private static LockConfiguration lock(String name) {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
	}

}
