package org.outreachcrm.imports;

import java.time.Clock;
import java.util.List;

import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Gives the job its plan and keeps the run's status in step with the job; a completed
 * real run is marked COMPLETED, then its records are checked for duplicates. A failed run
 * is rolled back as a whole: the chunks it had already committed are reverted, so nothing
 * of a FAILED file stays stored.
 */
class ImportJobListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ImportJobListener.class);

	private final ImportRuns runs;

	private final DirectoryImport directory;

	private final ObjectMapper json;

	private final Clock clock;

	private final ImportDuplicates duplicates;

	ImportJobListener(ImportRuns runs, DirectoryImport directory, ObjectMapper json, Clock clock,
			ImportDuplicates duplicates) {
		this.runs = runs;
		this.duplicates = duplicates;
		this.directory = directory;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Marks the run RUNNING and reads its plan once into the job's execution context; a
	 * restarted job finds it there already.
	 */
	@Override
	public void beforeJob(JobExecution execution) {
		long importId = importId(execution);
		ExecutionContext context = execution.getExecutionContext();
		if (!ImportPlan.isIn(context)) {
			ImportRuns.StoredPlan stored = this.runs.storedPlan(importId)
				.orElseThrow(() -> new IllegalStateException("No plan for import " + importId));
			ImportPlan.of(stored, MappingJson.read(this.json, stored.mappingJson())).writeTo(context);
		}
		this.runs.markRunning(importId, execution.getId(), this.clock.instant());
	}

	@Override
	public void afterJob(JobExecution execution) {
		long importId = importId(execution);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			// the run is COMPLETED at once (its rows are stored and can be undone); its
			// records are checked for duplicates next, on this worker, and an undo
			// cancels
			// the check
			boolean real = !this.runs.storedPlan(importId).map(ImportRuns.StoredPlan::dryRun).orElse(true);
			this.runs.finish(importId, ImportStatus.COMPLETED, null, this.clock.instant(),
					real ? DuplicateCheckState.CHECKING : null);
			if (real) {
				this.duplicates.afterRun(importId);
			}
			return;
		}
		ImportText message = failureMessage(execution.getAllFailureExceptions());
		List<RecordChange> changes = this.runs.changes(importId);
		if (!changes.isEmpty()) {
			this.directory.revert(changes, this.clock.instant());
			this.duplicates.afterRevert(changes);
			this.runs.forgetWork(importId);
		}
		Throwable cause = execution.getAllFailureExceptions().isEmpty() ? null
				: execution.getAllFailureExceptions().get(0);
		log.warn("Import {} failed: {}", importId, message, cause);
		this.runs.finish(importId, ImportStatus.FAILED, message, this.clock.instant());
	}

	static ImportText failureMessage(List<Throwable> failures) {
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SpreadsheetException spreadsheet) {
					return ImportText.of(spreadsheet);
				}
			}
		}
		Throwable first = failures.isEmpty() ? null : failures.get(0);
		return ImportText.of(ImportText.Codes.UNEXPECTED_FAILURE,
				first == null ? "unknown" : first.getClass().getSimpleName());
	}

	private static long importId(JobExecution execution) {
		Long id = execution.getJobParameters().getLong(ImportJobConfiguration.IMPORT_ID);
		if (id == null) {
			throw new IllegalStateException("Import job without importId");
		}
		return id;
	}

}
