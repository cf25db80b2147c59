package org.outreachcrm.duplicates;

import java.time.Clock;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.outreachcrm.shared.ClaimedJobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs scans one at a time per instance on a background thread, as the import launcher
 * runs imports ({@link ClaimedJobs}): each scan is claimed with a cluster-wide lock
 * ({@code duplicate-scan-<id>}) kept alive while it runs; when its instance dies the
 * claim expires after {@code crm.duplicates.claim-timeout} and any instance resumes the
 * scan from its last committed chunk (at start-up and every
 * {@code crm.duplicates.resume-interval}). A scan that cannot run is marked failed.
 */
@Component
class DuplicateScanLauncher {

	private final ClaimedJobs jobs;

	DuplicateScanLauncher(JobOperator jobOperator, JobRepository jobRepository, Job duplicateScan, ScanRuns runs,
			LockingTaskExecutor locks, Clock clock, DuplicatesProperties properties) {
		this.jobs = new ClaimedJobs("duplicate-scan", duplicateScan, runs, jobOperator, jobRepository, locks, clock,
				properties.claimTimeout());
	}

	void launch(long scanId) {
		this.jobs.launch(scanId);
	}

	/** Queues every unfinished scan no instance holds (left by a stopped process). */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${crm.duplicates.resume-interval}",
			initialDelayString = "${crm.duplicates.resume-interval}")
	void resumeInterrupted() {
		this.jobs.resumeInterrupted();
	}

}
