package org.outreachcrm.reports;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Computes queued runs on a small bounded pool ({@code crm.reports.threads} threads and a
 * queue of {@code crm.reports.queue-capacity}; beyond it a run fails at once instead of
 * piling up). A run computes within the country scope captured when it was queued, writes
 * its workbook, or is skipped when empty and its schedule says so, then hands the file to
 * delivery. Any failure ends in FAILED with the reason, never in a stuck run.
 */
@Component
class ReportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

	private final RunStore store;

	private final ReportQueries queries;

	private final ReportWorkbook workbook;

	private final ReportFiles files;

	private final ReportMailer mailer;

	private final Clock clock;

	private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

	ReportRunner(RunStore store, ReportQueries queries, ReportWorkbook workbook, ReportFiles files, ReportMailer mailer,
			Clock clock, ReportsProperties properties) {
		this.store = store;
		this.queries = queries;
		this.workbook = workbook;
		this.files = files;
		this.mailer = mailer;
		this.clock = clock;
		this.pool.setCorePoolSize(properties.threads());
		this.pool.setMaxPoolSize(properties.threads());
		this.pool.setQueueCapacity(properties.queueCapacity());
		this.pool.setThreadNamePrefix("report-");
		this.pool.initialize();
	}

	void submit(long runId) {
		try {
			this.pool.execute(() -> run(runId));
		}
		catch (TaskRejectedException ex) {
			this.store.finish(runId, ReportRunStatus.FAILED, null,
					"Too many reports are waiting to be computed; try again later", this.clock.instant());
		}
	}

	void run(long runId) {
		RunStore.StoredRun run = this.store.find(runId).orElse(null);
		if (run == null || !this.store.start(runId, this.clock.instant())) {
			return;
		}
		try {
			ReportFilter filter = run.filter();
			ReportData data = this.queries.compute(filter, run.scope());
			if (data.empty() && run.skipWhenEmpty()) {
				this.store.finish(runId, ReportRunStatus.SKIPPED_EMPTY, null, "Nothing to report for this period",
						this.clock.instant());
				return;
			}
			String name = ReportFiles.name(runId, filter);
			this.files.write(name, (out) -> this.workbook.write(data, run.locale(), out));
			this.store.finish(runId, ReportRunStatus.COMPLETED, name, null, this.clock.instant());
		}
		catch (Exception ex) {
			log.warn("Report run {} failed", runId, ex);
			String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			this.store.finish(runId, ReportRunStatus.FAILED, null, reason, this.clock.instant());
			return;
		}
		if (!run.recipients().isEmpty()) {
			this.mailer.deliver(runId);
		}
	}

	@Override
	public void destroy() {
		this.pool.shutdown();
	}

}
