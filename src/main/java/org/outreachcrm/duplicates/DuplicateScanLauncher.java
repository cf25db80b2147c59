package org.outreachcrm.duplicates;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs scans one at a time per instance on a background thread, as the import launcher
 * runs imports: each scan is claimed with a cluster-wide lock
 * ({@code duplicate-scan-<id>}) kept alive while it runs; when its instance dies the
 * claim expires after {@code crm.duplicates.claim-timeout} and any instance resumes the
 * scan from its last committed chunk (at start-up and every
 * {@code crm.duplicates.resume-interval}).
 */
@Component
class DuplicateScanLauncher {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScanLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final ScanRuns runs;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Duration claimTimeout;

	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	DuplicateScanLauncher(JobOperator jobOperator, JobRepository jobRepository, Job duplicateScan, ScanRuns runs,
			LockingTaskExecutor locks, Clock clock, DuplicatesProperties properties) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = duplicateScan;
		this.runs = runs;
		this.locks = locks;
		this.clock = clock;
		this.claimTimeout = properties.claimTimeout();
		this.worker.setCorePoolSize(1);
		this.worker.setMaxPoolSize(1);
		this.worker.setThreadNamePrefix("duplicate-scan-");
		this.worker.setWaitForTasksToCompleteOnShutdown(false);
		this.worker.initialize();
	}

	void launch(long scanId) {
		if (this.queued.add(scanId)) {
			this.worker.execute(() -> {
				this.queued.remove(scanId);
				runClaimed(scanId);
			});
		}
	}

	/** Queues every unfinished scan no instance holds (left by a stopped process). */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${crm.duplicates.resume-interval}",
			initialDelayString = "${crm.duplicates.resume-interval}")
	void resumeInterrupted() {
		this.runs.unfinished().forEach(this::launch);
	}

	private void runClaimed(long scanId) {
		LockConfiguration claim = new LockConfiguration(this.clock.instant(), "duplicate-scan-" + scanId,
				this.claimTimeout, Duration.ZERO);
		this.locks.executeWithLock((Runnable) () -> runToEnd(scanId), claim);
	}

	private void runToEnd(long scanId) {
		if (!this.runs.unfinished().contains(scanId)) {
			return;
		}
		Long executionId = this.runs.jobExecutionId(scanId);
		JobExecution execution = (executionId != null) ? this.jobRepository.getJobExecution(executionId) : null;
		try {
			if (execution == null) {
				JobParameters parameters = new JobParametersBuilder()
					.addLong(DuplicateScanJobConfiguration.SCAN_ID, scanId)
					.addString(DuplicateScanJobConfiguration.KIND, this.runs.kind(scanId).name())
					.toJobParameters();
				this.jobOperator.start(this.job, parameters);
			}
			else if (execution.getStatus() != BatchStatus.COMPLETED) {
				log.info("Resuming duplicate scan {}, interrupted by a stop of the instance that ran it", scanId);
				JobExecution stale = execution.isRunning() ? this.jobOperator.recover(execution) : execution;
				this.jobOperator.restart(stale);
			}
		}
		catch (Exception ex) {
			log.error("Duplicate scan {} could not run", scanId, ex);
			this.runs.finish(scanId, ScanStatus.FAILED, "duplicates.scan.failed");
		}
	}

}
