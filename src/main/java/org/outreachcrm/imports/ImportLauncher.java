package org.outreachcrm.imports;

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
 * Runs import jobs one at a time per instance on a background thread, so that an upload
 * answers at once and two large files never compete for the database.
 * <p>
 * Each run is claimed with a cluster-wide lock ({@code import-<id>}) while it executes
 * ({@link ClaimedJobs}); when its instance dies the lock expires after
 * {@code crm.imports.claim-timeout} and any instance resumes the run from its last
 * committed chunk: at start-up and on every {@code crm.imports.resume-interval} tick. A
 * run that could not start stays queued and is tried again on the next tick, and a
 * completed run whose duplicate check a stop interrupted is checked again.
 */
@Component
class ImportLauncher {

	private final ClaimedJobs jobs;

	ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job partnerListImport, ImportRuns runs,
			ImportDuplicates duplicates, LockingTaskExecutor locks, Clock clock, ImportsProperties properties) {
		// a check a stopped instance left runs again from the start (it is idempotent)
		this.jobs = new ClaimedJobs("import", partnerListImport, runs, jobOperator, jobRepository, locks, clock,
				properties.claimTimeout(), (id) -> {
					if (runs.checkPending(id)) {
						duplicates.afterRun(id);
					}
				});
	}

	void launch(long importId) {
		this.jobs.launch(importId);
	}

	/** Queues every unfinished run that no instance holds. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${crm.imports.resume-interval}",
			initialDelayString = "${crm.imports.resume-interval}")
	void resumeInterrupted() {
		this.jobs.resumeInterrupted();
	}

}
