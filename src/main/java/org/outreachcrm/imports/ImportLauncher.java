package org.outreachcrm.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs one at a time on a background thread, so that an upload answers at
 * once and two large files never compete for the database. On start-up it resumes the
 * runs that a stopped or crashed process left unfinished: a job cut off mid-file restarts
 * from its last committed chunk.
 */
@Component
class ImportLauncher {

	private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final ImportRuns runs;

	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job partnerListImport, ImportRuns runs) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = partnerListImport;
		this.runs = runs;
		this.worker.setCorePoolSize(1);
		this.worker.setMaxPoolSize(1);
		this.worker.setThreadNamePrefix("import-");
		this.worker.setWaitForTasksToCompleteOnShutdown(false);
		this.worker.initialize();
	}

	void launch(long importId) {
		this.worker.execute(() -> start(importId));
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		for (long importId : this.runs.unfinished()) {
			Long executionId = this.runs.jobExecutionId(importId);
			JobExecution execution = executionId == null ? null : this.jobRepository.getJobExecution(executionId);
			if (execution == null) {
				launch(importId);
			}
			else {
				log.info("Resuming import {} interrupted by a stop of the application", importId);
				this.worker.execute(() -> restart(execution));
			}
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
			JobExecution stale = interrupted.isRunning() ? this.jobOperator.recover(interrupted) : interrupted;
			this.jobOperator.restart(stale);
		}
		catch (Exception ex) {
			log.error("Import job execution {} could not be resumed", interrupted.getId(), ex);
		}
	}

}
