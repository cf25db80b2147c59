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
import org.outreachcrm.audit.AuditLogQuery;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;
import org.outreachcrm.audit.HistorySource;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.audit.RevisionView;
import org.outreachcrm.directory.bulk.RecordChange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports write with JDBC batches, below Envers: their history is the change log they
 * already keep for undo ({@code import_change}). This shows it in each record's history
 * as "Import #N" and, once undone, "Undo of import #N", with the fields before and after.
 */
@Component
class ImportHistory implements HistorySource {

	private static final List<String> LOG_COUNTS = List.of("rows_read", "rows_imported", "rows_rejected",
			"rows_skipped", "organizations_created", "organizations_updated", "contacts_created", "contacts_updated",
			"affiliations_created");

	private static final String LOG_RUN_COLUMNS = "id, file_name, country_scope, " + String.join(", ", LOG_COUNTS);

	// an import appears when it finished, its undo when it was undone
	private static final String LOG_EVENTS = "SELECT 'IMPORT' AS kind, finished_at AS happened_at, created_by AS who, "
			+ LOG_RUN_COLUMNS + " FROM import_run WHERE status = 'COMPLETED' AND dry_run = FALSE"
			+ " AND finished_at IS NOT NULL UNION ALL SELECT 'IMPORT_UNDO' AS kind, undone_at AS happened_at,"
			+ " COALESCE(undone_by, 'system') AS who, " + LOG_RUN_COLUMNS
			+ " FROM import_run WHERE undone_at IS NOT NULL";

	private final NamedParameterJdbcTemplate jdbc;

	private final CurrentScope scope;

	ImportHistory(NamedParameterJdbcTemplate jdbc, CurrentScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
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
	 * Finished imports (not dry runs) and undos, for the global audit log: who, when, the
	 * file and its counts. The kind-of-record filter keeps the runs that created or
	 * updated records of that kind (imports touch no other kinds).
	 */
	@Override
	public List<RevisionView> logEntries(AuditLogQuery query, int limit) {
		CountryScope viewer = this.scope.get();
		// a viewer limited to some countries sees the runs started within them; runs are
		// few, so they are filtered here rather than in SQL over the stored scope text
		MapSqlParameterSource params = new MapSqlParameterSource("limit", viewer.all() ? limit : Integer.MAX_VALUE);
		List<RevisionView> events = new ArrayList<>();
		this.jdbc.query("SELECT * FROM (" + LOG_EVENTS + ") e" + where(query, params)
				+ " ORDER BY e.happened_at DESC, e.id DESC LIMIT :limit", params, (ResultSet rs) -> {
					if (events.size() < limit && covers(viewer, rs.getString("country_scope"))) {
						events.add(logEntry(rs));
					}
				});
		return events;
	}

	private static RevisionView logEntry(ResultSet rs) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String count : LOG_COUNTS) {
			counts.put(camelCase(count), rs.getLong(count));
		}
		return new RevisionView(null, rs.getObject("happened_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("who"), ChangeSource.valueOf(rs.getString("kind")), String.valueOf(rs.getLong("id")),
				List.of(), new RevisionView.Summary(rs.getString("file_name"), counts));
	}

	/**
	 * Whether a run started with {@code runScope} (the stored column) lies within
	 * {@code viewer}.
	 */
	static boolean covers(CountryScope viewer, @Nullable String runScope) {
		if (viewer.all()) {
			return true;
		}
		if (runScope == null) {
			return false;
		}
		for (String country : runScope.split(",")) {
			if (!country.isBlank() && !viewer.includes(country)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public long countLogEntries(AuditLogQuery query) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		CountryScope viewer = this.scope.get();
		if (!viewer.all()) {
			return this.jdbc
				.queryForList("SELECT e.country_scope FROM (" + LOG_EVENTS + ") e" + where(query, params), params,
						String.class)
				.stream()
				.filter((runScope) -> covers(viewer, runScope))
				.count();
		}
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + LOG_EVENTS + ") e" + where(query, params),
				params, Long.class);
		return (count == null) ? 0 : count;
	}

	private static String camelCase(String column) {
		StringBuilder name = new StringBuilder();
		for (String part : column.split("_")) {
			name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return name.toString();
	}

	private static String where(AuditLogQuery query, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (query.user() != null && !query.user().isBlank()) {
			where.append(" AND e.who = :user");
			params.addValue("user", query.user().strip());
		}
		if (query.from() != null) {
			where.append(" AND e.happened_at >= :from");
			params.addValue("from", LocalDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			where.append(" AND e.happened_at < :to");
			params.addValue("to", LocalDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		if (query.entity() != null) {
			where.append(switch (query.entity()) {
				case ORGANIZATION -> " AND e.organizations_created + e.organizations_updated > 0";
				case CONTACT -> " AND e.contacts_created + e.contacts_updated > 0";
				case AFFILIATION -> " AND e.affiliations_created > 0";
				default -> " AND 1 = 0";
			});
		}
		return where.toString();
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
