package org.outreachcrm.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the rows of locks that expired long ago. Every import run, report run, report
 * delivery and schedule slot locks under a name of its own, and ShedLock never deletes a
 * row, so the {@code shedlock} table would grow forever. A held lock has its
 * {@code lock_until} in the future and a finished one has it at its release, so a row
 * older than the retention belongs to work that is over. Deleting it is safe: the next
 * lock of that name inserts a new row ({@link ClusterLocks} also recovers instances that
 * still remember the deleted row). One {@code DELETE}, idempotent, under its own lock.
 */
@Component
class ClusterLockCleanup {

	private static final Logger log = LoggerFactory.getLogger(ClusterLockCleanup.class);

	private final JdbcClient jdbc;

	private final ClusterProperties properties;

	private final Clock clock;

	ClusterLockCleanup(JdbcClient jdbc, ClusterProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${crm.cluster.lock-cleanup-cron}")
	@SchedulerLock(name = "cluster-lock-cleanup", lockAtMostFor = "PT10M")
	void scheduledCleanup() {
		int removed = removeExpired();
		if (removed > 0) {
			log.info("Removed {} cluster lock rows expired more than {} ago", removed, this.properties.lockRetention());
		}
	}

	/** Removes the lock rows that expired more than the retention before now. */
	int removeExpired() {
		return removeExpiredBefore(this.clock.instant().minus(this.properties.lockRetention()));
	}

	/**
	 * Removes the lock rows that expired before the cutoff. ShedLock writes
	 * {@code lock_until} with the database's clock in UTC on MySQL/MariaDB (in the JVM's
	 * zone on H2, where an offset of hours is nothing against a retention of days).
	 */
	int removeExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM shedlock WHERE lock_until < ?")
			.param(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.update();
	}

}
