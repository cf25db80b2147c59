package org.outreachcrm.duplicates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps a scan's stored state in step with its job execution. */
class DuplicateScanListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScanListener.class);

	private final ScanRuns runs;

	DuplicateScanListener(ScanRuns runs) {
		this.runs = runs;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.runs.markRunning(scanId(execution), execution.getId());
	}

	@Override
	public void afterJob(JobExecution execution) {
		long scanId = scanId(execution);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.runs.finish(scanId, ScanStatus.COMPLETED, null);
		}
		else {
			execution.getAllFailureExceptions().forEach((ex) -> log.error("Duplicate scan {} failed", scanId, ex));
			this.runs.finish(scanId, ScanStatus.FAILED, "duplicates.scan.failed");
		}
	}

	private static long scanId(JobExecution execution) {
		Long id = execution.getJobParameters().getLong(DuplicateScanJobConfiguration.SCAN_ID);
		return (id != null) ? id : -1;
	}

}
