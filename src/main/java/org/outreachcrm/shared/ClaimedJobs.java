package org.outreachcrm.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs a Spring Batch job per record (an import, a duplicate scan) one at a time per
 * instance on a background thread, so that the request that asked for it answers at once
 * and two large runs never compete for the database.
 * <p>
 * Each run is claimed with a cluster-wide lock ({@code <name>-<id>}) while it executes,
 * so that with several instances on one database a run executes on exactly one of them.
 * The lock is kept alive while the job works; when its instance dies the lock expires
 * after the claim timeout and any instance resumes the run from its last committed chunk
 * when {@link #resumeInterrupted()} is called (at start-up and on a schedule).
 */
public final class ClaimedJobs {

	private static final Logger log = LoggerFactory.getLogger(ClaimedJobs.class);

	private final String name;

	private final Job job;

	private final Runs runs;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Duration claimTimeout;

	private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

	/**
	 * Runs waiting in this instance's queue, so a resume tick does not queue them twice.
	 */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	/**
	 * Work after a completed job that a stopped instance left unfinished (an import's
	 * duplicate check); the job's listener does it when the job completes.
	 */
	private final LongConsumer afterCompletedJob;

	/**
	 * @param name the runs' name in locks, thread names and logs ("import")
	 */
	public ClaimedJobs(String name, Job job, Runs runs, JobOperator jobOperator, JobRepository jobRepository,
			LockingTaskExecutor locks, Clock clock, Duration claimTimeout) {
		this(name, job, runs, jobOperator, jobRepository, locks, clock, claimTimeout, (id) -> {
		});
	}

	/**
	 * @param name the runs' name in locks, thread names and logs ("import")
	 * @param afterCompletedJob finishes the work after a completed job for a run that
	 * {@link Runs#unfinished()} still lists
	 */
	public ClaimedJobs(String name, Job job, Runs runs, JobOperator jobOperator, JobRepository jobRepository,
			LockingTaskExecutor locks, Clock clock, Duration claimTimeout, LongConsumer afterCompletedJob) {
		this.afterCompletedJob = afterCompletedJob;
		this.name = name;
		this.job = job;
		this.runs = runs;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.locks = locks;
		this.clock = clock;
		this.claimTimeout = claimTimeout;
		this.worker.setCorePoolSize(1);
		this.worker.setMaxPoolSize(1);
		this.worker.setThreadNamePrefix(name + "-");
		this.worker.setWaitForTasksToCompleteOnShutdown(false);
		this.worker.initialize();
	}

	/** Queues the run; it starts, or resumes, once this instance holds its claim. */
	public void launch(long id) {
		if (this.queued.add(id)) {
			this.worker.execute(() -> {
				this.queued.remove(id);
				runClaimed(id);
			});
		}
	}

	/**
	 * Queues every unfinished run that no instance holds: the ones a stopped or crashed
	 * process left behind. A run another instance is working on stays locked and is
	 * skipped when its turn comes.
	 */
	public void resumeInterrupted() {
		this.runs.unfinished().forEach(this::launch);
	}

	private void runClaimed(long id) {
		LockConfiguration claim = new LockConfiguration(this.clock.instant(), this.name + "-" + id, this.claimTimeout,
				Duration.ZERO);
		this.locks.executeWithLock((Runnable) () -> runToEnd(id), claim);
	}

	private void runToEnd(long id) {
		// another instance may have finished it while this one waited for the claim
		if (!this.runs.unfinished().contains(id)) {
			return;
		}
		Long executionId = this.runs.jobExecutionId(id);
		JobExecution execution = (executionId != null) ? this.jobRepository.getJobExecution(executionId) : null;
		try {
			if (execution == null) {
				this.jobOperator.start(this.job, this.runs.parameters(id));
			}
			else if (execution.getStatus() != BatchStatus.COMPLETED) {
				log.info("Resuming {} {}, interrupted by a stop of the instance that ran it", this.name, id);
				// holding the claim proves no live instance runs it: a RUNNING status is
				// stale
				JobExecution stale = execution.isRunning() ? this.jobOperator.recover(execution) : execution;
				this.jobOperator.restart(stale);
			}
			else {
				// the job completed, but work after it (an import's duplicate check) was
				// left unfinished by an instance that stopped
				log.info("Finishing {} {}, whose work after the job a stop of its instance interrupted", this.name, id);
				this.afterCompletedJob.accept(id);
			}
		}
		catch (Exception ex) {
			log.error("{} {} could not run", this.name, id, ex);
			this.runs.couldNotRun(id);
		}
	}

	/** The runs a launcher keeps: which are unfinished, and what their job is. */
	public interface Runs {

		/**
		 * Runs not finished yet, queued or interrupted, including runs whose job
		 * completed but whose work after the job is unfinished.
		 */
		Collection<Long> unfinished();

		/** The job execution a run started, or null before it started. */
		@Nullable Long jobExecutionId(long id);

		/** The parameters of a run's job. */
		JobParameters parameters(long id);

		/** The job could not start or resume (it is logged already). */
		default void couldNotRun(long id) {
		}

	}

}
