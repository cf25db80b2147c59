package org.outreachcrm.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.outreachcrm.directory.MergeCounter;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.directory.MergeMove;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.directory.RecordsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the import change log of a merged record (the fields imports changed on it) to
 * the kept record, so that its history lists them and undoing such an import reverts them
 * there; back on undo. The entries saying an import created the merged record stay as
 * they are: undoing that import must not delete the kept record, and the ranges of
 * created ids cannot name one record apart.
 */
@Component
class ImportMerging implements MergeCounter {

	private final JdbcTemplate jdbc;

	private final MergeLedger ledger;

	ImportMerging(JdbcTemplate jdbc, MergeLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Override
	public Map<String, Long> counts(MergeKind kind, long mergedId) {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM import_change WHERE kind = ? AND record_id = ? AND field IS NOT NULL", Long.class,
				kind(kind), mergedId);
		return Map.of("merge.moves.importChanges", count == null ? 0 : count);
	}

	private static String kind(MergeKind kind) {
		return (kind == MergeKind.ORGANIZATION ? RecordChange.Kind.ORGANIZATION : RecordChange.Kind.CONTACT).name();
	}

	@EventListener
	void on(RecordsMerged event) {
		List<MergeMove> moves = new ArrayList<>();
		this.jdbc.query(
				"SELECT import_id, seq FROM import_change WHERE kind = ? AND record_id = ? AND field IS NOT NULL",
				(rs) -> {
					moves.add(new MergeMove("IMPORT_CHANGE", rs.getLong(1), rs.getLong(2), null));
				}, kind(event.kind()), event.mergedId());
		this.jdbc.update(
				"UPDATE import_change SET record_id = ? WHERE kind = ? AND record_id = ? AND field IS NOT NULL",
				event.keptId(), kind(event.kind()), event.mergedId());
		this.ledger.record(event.mergeId(), moves);
	}

	@EventListener
	void on(MergeUndone event) {
		for (MergeMove move : this.ledger.moves(event.mergeId(), "IMPORT_CHANGE")) {
			// a deleted import took its log along: nothing to move back
			this.jdbc.update("UPDATE import_change SET record_id = ? WHERE import_id = ? AND seq = ? AND record_id = ?",
					event.restoredId(), move.rowId(), move.rowRef(), event.keptId());
		}
	}

}
