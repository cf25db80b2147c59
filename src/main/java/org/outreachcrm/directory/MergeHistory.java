package org.outreachcrm.directory;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;
import org.outreachcrm.audit.HistorySource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The merges into a record in its history, from the merge ledger: "Olga merged “X” into
 * this organization" (field {@code merged_record} names X; {@code merge_undoable} is
 * present while the merge can be undone) and, once undone, the undo. The field changes
 * the merge made to the kept record are in the merge's own Envers revision.
 */
@Component
class MergeHistory implements HistorySource {

	private final NamedParameterJdbcTemplate jdbc;

	MergeHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HistoryEntry> entries(AuditedEntity entity, Collection<Long> ids) {
		MergeKind kind = switch (entity) {
			case ORGANIZATION -> MergeKind.ORGANIZATION;
			case CONTACT -> MergeKind.CONTACT;
			default -> null;
		};
		if (kind == null || ids.isEmpty()) {
			return List.of();
		}
		String table = kind == MergeKind.ORGANIZATION ? "organization" : "contact";
		List<HistoryEntry> entries = new ArrayList<>();
		this.jdbc.query("""
				SELECT m.id, m.kept_id, m.merged_name, m.merged_by, m.merged_at, m.undone_by, m.undone_at,
				  CASE WHEN m.undone_at IS NULL AND r.version = m.kept_version THEN 1 ELSE 0 END AS undoable
				FROM record_merge m LEFT JOIN %s r ON r.id = m.kept_id
				WHERE m.kind = :kind AND m.kept_id IN (:ids)""".formatted(table),
				Map.of("kind", kind.name(), "ids", ids), (ResultSet rs) -> {
					String reference = String.valueOf(rs.getLong(1));
					long kept = rs.getLong(2);
					FieldChange name = new FieldChange("merged_record", null, rs.getString(3));
					List<FieldChange> changes = rs.getInt(8) == 1
							? List.of(name, new FieldChange("merge_undoable", null, "true")) : List.of(name);
					entries.add(new HistoryEntry(null, rs.getTimestamp(5).toInstant(), rs.getString(4),
							ChangeSource.MERGE, reference, entity, kept, Action.CHANGED, changes));
					if (rs.getTimestamp(7) != null) {
						entries.add(new HistoryEntry(null, rs.getTimestamp(7).toInstant(), rs.getString(6),
								ChangeSource.MERGE_UNDO, reference, entity, kept, Action.CHANGED, List.of(name)));
					}
				});
		return entries;
	}

}
