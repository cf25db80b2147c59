package org.outreachcrm.imports;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.duplicates.ImportDuplicateCheck;
import org.outreachcrm.duplicates.ImportPairs;
import org.outreachcrm.duplicates.DuplicatePairs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The imports' side of duplicate finding: once a run is COMPLETED (not a dry run), the
 * records it created or changed are checked for duplicates on the run's own worker, and
 * the count kept with the run; its page says "checking for duplicates" meanwhile. An undo
 * cancels a check that is still running (waiting for the chunk in progress), and an
 * undone run's removed records leave the finder. The check never fails a run: if it
 * fails, the run stays COMPLETED without a count (FAILED check), and a full scan finds
 * the pairs.
 */
@Component
class ImportDuplicates {

	private static final Logger log = LoggerFactory.getLogger(ImportDuplicates.class);

	private final ImportRuns runs;

	private final ImportDuplicateCheck check;

	private final DuplicatePairs pairs;

	ImportDuplicates(ImportRuns runs, ImportDuplicateCheck check, DuplicatePairs pairs) {
		this.runs = runs;
		this.check = check;
		this.pairs = pairs;
	}

	/**
	 * Checks what a completed run created or changed (its check is CHECKING); keeps how
	 * many pairs it found, unless an undo cancelled the check meanwhile.
	 */
	void afterRun(long importId) {
		try {
			Map<MergeKind, List<Long>> touched = this.runs.touchedRecords(importId);
			long started = System.nanoTime();
			OptionalInt found = this.check.afterImport(importId, touched, () -> this.runs.stillChecking(importId));
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (found.isEmpty()) {
				log.info("Import {}: the duplicate check stopped after {} ms (the run was undone)", importId, millis);
				return;
			}
			this.runs.checked(importId, DuplicateCheckState.DONE, found.getAsInt());
			log.info("Import {}: {} possible duplicates among {} organizations and {} people in {} ms", importId,
					found.getAsInt(), touched.getOrDefault(MergeKind.ORGANIZATION, List.of()).size(),
					touched.getOrDefault(MergeKind.CONTACT, List.of()).size(), millis);
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: the duplicate check failed; a full scan finds the pairs", importId, ex);
			this.runs.checked(importId, DuplicateCheckState.FAILED, null);
		}
	}

	/** Removed records leave the finder: no pair points at a record that is gone. */
	void afterRevert(List<RecordChange> changes) {
		for (RecordChange.Kind kind : List.of(RecordChange.Kind.ORGANIZATION, RecordChange.Kind.CONTACT)) {
			List<Long> created = changes.stream()
				.filter((change) -> change.created() && change.kind() == kind)
				.map(RecordChange::id)
				.toList();
			if (!created.isEmpty()) {
				this.check.forgetRemoved(
						(kind == RecordChange.Kind.ORGANIZATION) ? MergeKind.ORGANIZATION : MergeKind.CONTACT, created);
			}
		}
	}

	/** The open pairs a run found, the best {@code limit} of them with names. */
	ImportPairs of(long importId, int limit) {
		return this.pairs.ofImport(importId, limit);
	}

}
