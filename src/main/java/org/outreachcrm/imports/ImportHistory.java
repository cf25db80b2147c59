package org.outreachcrm.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;
import org.outreachcrm.audit.HistorySource;
import org.outreachcrm.directory.RecordChange;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports write with JDBC batches, below Envers: their history is the change log they
 * already keep for undo ({@code import_change}). This shows it in each record's history
 * as "Import #N" and, once undone, "Undo of import #N", with the fields before and after.
 */
@Component
class ImportHistory implements HistorySource {

	private final NamedParameterJdbcTemplate jdbc;

	ImportHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HistoryEntry> entries(AuditedEntity entity, Collection<Long> ids) {
		RecordChange.Kind kind = switch (entity) {
			case ORGANIZATION -> RecordChange.Kind.ORGANIZATION;
			case CONTACT -> RecordChange.Kind.CONTACT;
			case AFFILIATION -> RecordChange.Kind.AFFILIATION;
			default -> null;
		};
		if (kind == null || ids.isEmpty()) {
			return List.of();
		}
		Map<String, Group> groups = new LinkedHashMap<>();
		long lowest = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
		long highest = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
		// created records are kept as ranges of consecutive ids (record_id, record_count)
		this.jdbc.query("""
				SELECT c.import_id, c.record_id, c.record_count, r.created_by, r.created_at, r.finished_at,
				  r.undone_by, r.undone_at
				FROM import_change c JOIN import_run r ON r.id = c.import_id
				WHERE c.kind = :kind AND c.field IS NULL AND c.record_id <= :highest
				  AND c.record_id + c.record_count > :lowest
				ORDER BY c.import_id, c.seq""", Map.of("kind", kind.name(), "lowest", lowest, "highest", highest),
				(ResultSet rs) -> {
					long first = rs.getLong(2);
					long end = first + rs.getLong(3);
					for (long id : ids) {
						if (id >= first && id < end) {
							group(groups, rs, id, 4).created = true;
						}
					}
				});
		this.jdbc.query("""
				SELECT c.import_id, c.record_id, c.field, c.old_value, c.new_value, r.created_by, r.created_at,
				  r.finished_at, r.undone_by, r.undone_at
				FROM import_change c JOIN import_run r ON r.id = c.import_id
				WHERE c.kind = :kind AND c.field IS NOT NULL AND c.record_id IN (:ids)
				ORDER BY c.import_id, c.seq""", Map.of("kind", kind.name(), "ids", ids), (ResultSet rs) -> {
			group(groups, rs, rs.getLong(2), 6).changes
				.add(new FieldChange(rs.getString(3), rs.getString(4), rs.getString(5)));
		});
		List<HistoryEntry> entries = new ArrayList<>();
		for (Group group : groups.values()) {
			String reference = String.valueOf(group.importId);
			entries.add(new HistoryEntry(null, group.at, group.user, ChangeSource.IMPORT, reference, entity,
					group.recordId, group.created ? Action.CREATED : Action.CHANGED, group.changes));
			if (group.undoneAt != null) {
				List<FieldChange> reverted = group.changes.stream()
					.map((c) -> new FieldChange(c.field(), c.after(), c.before()))
					.toList();
				entries.add(new HistoryEntry(null, group.undoneAt, group.undoneBy == null ? "system" : group.undoneBy,
						ChangeSource.IMPORT_UNDO, reference, entity, group.recordId,
						group.created ? Action.DELETED : Action.CHANGED, group.created ? List.of() : reverted));
			}
		}
		return entries;
	}

	/**
	 * The group of one import's changes to one record; run columns start at
	 * {@code runColumn}.
	 */
	private static Group group(Map<String, Group> groups, ResultSet rs, long recordId, int runColumn)
			throws SQLException {
		long importId = rs.getLong(1);
		String key = importId + ":" + recordId;
		Group group = groups.get(key);
		if (group == null) {
			group = new Group(importId, recordId, rs.getString(runColumn),
					instant(rs.getObject(runColumn + 2, LocalDateTime.class),
							rs.getObject(runColumn + 1, LocalDateTime.class)),
					rs.getString(runColumn + 3), optionalInstant(rs.getObject(runColumn + 4, LocalDateTime.class)));
			groups.put(key, group);
		}
		return group;
	}

	private static Instant instant(@Nullable LocalDateTime finished, LocalDateTime created) {
		return (finished == null ? created : finished).toInstant(ZoneOffset.UTC);
	}

	private static @Nullable Instant optionalInstant(@Nullable LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	private static final class Group {

		final long importId;

		final long recordId;

		final String user;

		final Instant at;

		final @Nullable String undoneBy;

		final @Nullable Instant undoneAt;

		boolean created;

		final List<FieldChange> changes = new ArrayList<>();

		Group(long importId, long recordId, String user, Instant at, @Nullable String undoneBy,
				@Nullable Instant undoneAt) {
			this.importId = importId;
			this.recordId = recordId;
			this.user = user;
			this.at = at;
			this.undoneBy = undoneBy;
			this.undoneAt = undoneAt;
		}

	}

}
