package org.outreachcrm.imports;

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
 * Runs import jobs one at a time per instance on a background thread, so that an upload
 * answers at once and two large files never compete for the database.
 * <p>
 * Each run is claimed with a cluster-wide lock ({@code import-<id>}) while it executes,
 * so that with several instances on one database a run executes on exactly one of them.
 * The lock is kept alive while the job works; when its instance dies the lock expires
 * after {@code crm.imports.claim-timeout} and any instance resumes the run from its last
 * committed chunk: at start-up and on every {@code crm.imports.resume-interval} tick.
 */
@Component
class ImportLauncher {

	private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final ImportRuns runs;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Duration claimTimeout;

	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	/**
	 * Runs waiting in this instance's queue, so a resume tick does not queue them twice.
	 */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job partnerListImport, ImportRuns runs,
			LockingTaskExecutor locks, Clock clock, ImportsProperties properties) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = partnerListImport;
		this.runs = runs;
		this.locks = locks;
		this.clock = clock;
		this.claimTimeout = properties.claimTimeout();
		this.worker.setCorePoolSize(1);
		this.worker.setMaxPoolSize(1);
		this.worker.setThreadNamePrefix("import-");
		this.worker.setWaitForTasksToCompleteOnShutdown(false);
		this.worker.initialize();
	}

	void launch(long importId) {
		if (this.queued.add(importId)) {
			this.worker.execute(() -> {
				this.queued.remove(importId);
				runClaimed(importId);
			});
		}
	}

	/**
	 * Queues every unfinished run that no instance holds: the ones a stopped or crashed
	 * process left behind. A run another instance is working on stays locked and is
	 * skipped when its turn comes.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${crm.imports.resume-interval}",
			initialDelayString = "${crm.imports.resume-interval}")
	void resumeInterrupted() {
		this.runs.unfinished().forEach(this::launch);
	}

	private void runClaimed(long importId) {
		LockConfiguration claim = new LockConfiguration(this.clock.instant(), "import-" + importId, this.claimTimeout,
				Duration.ZERO);
		this.locks.executeWithLock((Runnable) () -> runToEnd(importId), claim);
	}

	private void runToEnd(long importId) {
		// another instance may have finished it while this one waited for the claim
		if (!this.runs.unfinished().contains(importId)) {
			return;
		}
		Long executionId = this.runs.jobExecutionId(importId);
		JobExecution execution = (executionId != null) ? this.jobRepository.getJobExecution(executionId) : null;
		if (execution == null) {
			start(importId);
		}
		else if (execution.getStatus() != BatchStatus.COMPLETED) {
			log.info("Resuming import {}, interrupted by a stop of the instance that ran it", importId);
			restart(execution);
		}
	}

	private void start(long importId) {
		JobParameters parameters = new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, importId)
			.toJobParameters();
		try {
			this.jobOperator.start(this.job, parameters);
		}
		catch (Exception ex) {
			log.error("Import {} could not start", importId, ex);
		}
	}

	private void restart(JobExecution interrupted) {
		try {
			// holding the claim proves no live instance runs it: a RUNNING status is
			// stale
			JobExecution stale = interrupted.isRunning() ? this.jobOperator.recover(interrupted) : interrupted;
			this.jobOperator.restart(stale);
		}
		catch (Exception ex) {
			log.error("Import job execution {} could not be resumed", interrupted.getId(), ex);
		}
	}

}
