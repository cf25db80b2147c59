package org.outreachcrm.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Computes queued runs on a small bounded pool ({@code crm.reports.threads} threads and a
 * queue of {@code crm.reports.queue-capacity}; beyond it a new run fails at once instead
 * of piling up). A run computes within the country scope captured when it was queued,
 * writes its workbook, or is skipped when empty and its schedule says so, then hands the
 * file to delivery. Any failure ends in FAILED with the reason, never in a stuck run.
 * <p>
 * Each run is computed under a cluster-wide claim ({@code report-run-<id>}, ShedLock),
 * kept alive while it works, so that with several instances on one database a run is
 * computed by exactly one of them. When its instance dies the claim expires after
 * {@code crm.reports.claim-timeout}, and any instance computes the run again from the
 * start (a report is one read of the database: nothing to roll back): at start-up and on
 * every {@code crm.reports.resume-interval} tick.
 */
@Component
class ReportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

	private final RunStore store;

	private final ReportQueries queries;

	private final ReportWorkbook workbook;

	private final ReportFiles files;

	private final ReportMailer mailer;

	private final RunResults results;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Duration claimTimeout;

	private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

	/**
	 * Runs waiting in this instance's pool, so a resume tick does not queue them twice.
	 */
	private final Set<Long> queued = ConcurrentHashMap.newKeySet();

	ReportRunner(RunStore store, ReportQueries queries, ReportWorkbook workbook, ReportFiles files, ReportMailer mailer,
			RunResults results, LockingTaskExecutor locks, Clock clock, ReportsProperties properties) {
		this.results = results;
		this.store = store;
		this.queries = queries;
		this.workbook = workbook;
		this.files = files;
		this.mailer = mailer;
		this.locks = locks;
		this.clock = clock;
		this.claimTimeout = properties.claimTimeout();
		this.pool.setCorePoolSize(properties.threads());
		this.pool.setMaxPoolSize(properties.threads());
		this.pool.setQueueCapacity(properties.queueCapacity());
		this.pool.setThreadNamePrefix("report-");
		this.pool.initialize();
	}

	/** Queues a new run; when the pool's queue is full the run fails at once. */
	void submit(long runId) {
		if (!queue(runId)) {
			this.store.finish(runId, ReportRunStatus.FAILED, null,
					"Too many reports are waiting to be computed; try again later", this.clock.instant());
		}
	}

	/**
	 * Queues every unfinished run: the ones a stopped or crashed instance left behind,
	 * and new ones another instance has not started yet. A run some live instance is
	 * computing stays claimed and is skipped when its turn comes; a full pool leaves the
	 * rest for the next tick.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${crm.reports.resume-interval}",
			initialDelayString = "${crm.reports.resume-interval}")
	void resumeInterrupted() {
		for (long runId : this.store.unfinished()) {
			if (!queue(runId)) {
				return;
			}
		}
	}

	// true when queued, or already waiting here
	private boolean queue(long runId) {
		if (!this.queued.add(runId)) {
			return true;
		}
		try {
			this.pool.execute(() -> {
				this.queued.remove(runId);
				runClaimed(runId);
			});
			return true;
		}
		catch (TaskRejectedException ex) {
			this.queued.remove(runId);
			return false;
		}
	}

	/**
	 * Computes the run under its cluster-wide claim; false when another instance holds
	 * the claim or the run is no longer waiting (another instance finished it).
	 */
	boolean runClaimed(long runId) {
		LockConfiguration claim = new LockConfiguration(ClockProvider.now(), "report-run-" + runId, this.claimTimeout,
				Duration.ZERO);
		AtomicBoolean computed = new AtomicBoolean();
		this.locks.executeWithLock((Runnable) () -> computed.set(run(runId)), claim);
		return computed.get();
	}

	// only with the claim held: a RUNNING status then means its instance died
	private boolean run(long runId) {
		RunStore.StoredRun run = this.store.find(runId).orElse(null);
		if (run == null || !this.store.start(runId, this.clock.instant())) {
			return false;
		}
		if (run.view().status() == ReportRunStatus.RUNNING) {
			log.info("Computing report run {} again: the instance that started it stopped", runId);
		}
		try {
			ReportFilter filter = run.filter();
			ReportData data = this.queries.compute(filter, run.scope());
			if (data.empty() && run.skipWhenEmpty()) {
				this.store.finish(runId, ReportRunStatus.SKIPPED_EMPTY, null, "Nothing to report for this period",
						this.clock.instant());
				return true;
			}
			String name = ReportFiles.name(runId, filter);
			this.files.write(name, (out) -> this.workbook.write(data, run.locale(), out));
			this.results.keep(runId, data);
			this.store.finish(runId, ReportRunStatus.COMPLETED, name, null, this.clock.instant());
		}
		catch (Exception ex) {
			log.warn("Report run {} failed", runId, ex);
			String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			this.store.finish(runId, ReportRunStatus.FAILED, null, reason, this.clock.instant());
			return true;
		}
		if (!run.recipients().isEmpty()) {
			this.mailer.deliver(runId);
		}
		return true;
	}

	@Override
	public void destroy() {
		this.pool.shutdown();
	}

}
