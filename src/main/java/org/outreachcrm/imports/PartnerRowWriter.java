package org.outreachcrm.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.directory.bulk.BulkOutcome;
import org.outreachcrm.directory.bulk.BulkSession;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.RowResult.Problem;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of mapped rows through the directory's bulk path, and in the same
 * transaction the run's counters, its changes (for undo) and its row problems.
 */
class PartnerRowWriter implements ItemWriter<RowResult> {

	private final DirectoryImport directory;

	private final ImportRuns runs;

	private final long importId;

	private final ImportMode mode;

	private final BulkSession session;

	private final String actor;

	/**
	 * Sequence number of the run's last stored change; read once per step execution (a
	 * restart starts after what the interrupted one committed), then counted here instead
	 * of asked for every chunk.
	 */
	private long lastChangeSeq = -1;

	PartnerRowWriter(DirectoryImport directory, ImportRuns runs, long importId, ImportMode mode, boolean dryRun,
			String actor) {
		this.directory = directory;
		this.runs = runs;
		this.importId = importId;
		this.mode = mode;
		this.session = dryRun ? BulkSession.dryRun() : BulkSession.real();
		this.actor = actor;
	}

	@Override
	public void write(Chunk<? extends RowResult> chunk) {
		List<DirectoryRow> rows = new ArrayList<>();
		List<RowResult> results = new ArrayList<>();
		long rejected = 0;
		for (RowResult result : chunk) {
			if (result.row() != null) {
				rows.add(result.row());
			}
			else {
				rejected++;
			}
		}
		BulkOutcome outcome = rows.isEmpty() ? new BulkOutcome(0, 0, 0, 0, 0, List.of(), List.of())
				: AuditSource.with(ChangeSource.IMPORT, String.valueOf(this.importId),
						() -> this.directory.write(rows, this.mode, this.session, this.actor));
		Set<Long> skipped = new HashSet<>(outcome.skippedRows());
		long warnings = 0;
		for (RowResult result : chunk) {
			List<Problem> rowWarnings = new ArrayList<>(result.warnings());
			if (skipped.contains(result.rowNumber())) {
				rowWarnings.add(new Problem(null, ImportText.of(ImportText.Codes.NOT_MATCHED_UPDATE_ONLY)));
			}
			warnings += rowWarnings.size();
			if (result.rejected() || !rowWarnings.isEmpty()) {
				results.add(new RowResult(result.rowNumber(), result.cells(), result.row(), rowWarnings,
						result.rejections()));
			}
		}
		if (!outcome.changes().isEmpty()) {
			if (this.lastChangeSeq < 0) {
				this.lastChangeSeq = this.runs.lastChangeSeq(this.importId);
			}
			this.lastChangeSeq = this.runs.addChanges(this.importId, outcome.changes(), this.lastChangeSeq);
		}
		this.runs.addProblems(this.importId, results);
		this.runs.addCounts(this.importId,
				new ImportRuns.Counts(chunk.size(), rows.size() - skipped.size(), rejected, skipped.size(), warnings,
						outcome.organizationsCreated(), outcome.organizationsUpdated(), outcome.contactsCreated(),
						outcome.contactsUpdated(), outcome.affiliationsCreated()));
	}

}
