package org.outreachcrm.audit;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;

import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the history of records field by field: consecutive Envers rows of a record are
 * compared column by column, its audited collections add what was added and removed, and
 * the {@link HistorySource}s add what they kept outside Envers. Newest first.
 */
@Service
@Transactional(readOnly = true)
public class RecordHistory {

	private final NamedParameterJdbcTemplate jdbc;

	private final List<HistorySource> sources;

	private final ScopeSql scope;

	private final HistoryScope historyScope;

	RecordHistory(NamedParameterJdbcTemplate jdbc, List<HistorySource> sources, ScopeSql scope,
			HistoryScope historyScope) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.scope = scope;
		this.historyScope = historyScope;
	}

	/** The history of one record. */
	public List<HistoryEntry> of(AuditedEntity entity, long id) {
		return sorted(entries(entity, Set.of(id)));
	}

	/**
	 * An organization's history with that of its affiliations, interactions and
	 * follow-ups.
	 */
	public List<HistoryEntry> organization(long id) {
		requireVisible("organization", id, this.scope::organizations);
		List<HistoryEntry> all = new ArrayList<>(entries(AuditedEntity.ORGANIZATION, Set.of(id)));
		for (AuditedEntity part : List.of(AuditedEntity.AFFILIATION, AuditedEntity.INTERACTION,
				AuditedEntity.FOLLOW_UP)) {
			// an interaction moved on to an organization out of sight leaves with it
			all.addAll(entries(part, this.historyScope.visible(part, idsWhere(part, "organization_id", id))));
		}
		return sorted(all);
	}

	/** A person's history with that of their affiliations. */
	public List<HistoryEntry> contact(long id) {
		return contact(id, Set.of());
	}

	/**
	 * A person's history with that of their affiliations, including
	 * {@code affiliationIds} that Envers never saw (created by an import) but the caller
	 * knows.
	 */
	public List<HistoryEntry> contact(long id, Collection<Long> affiliationIds) {
		requireVisible("contact", id, this.scope::contacts);
		List<HistoryEntry> all = new ArrayList<>(entries(AuditedEntity.CONTACT, Set.of(id)));
		Set<Long> affiliations = idsWhere(AuditedEntity.AFFILIATION, "contact_id", id);
		affiliations.addAll(affiliationIds);
		// links with organizations out of sight stay hidden, as on the person's page
		all.addAll(
				entries(AuditedEntity.AFFILIATION, this.historyScope.visible(AuditedEntity.AFFILIATION, affiliations)));
		return sorted(all);
	}

	/** An interaction's history with that of the follow-ups it set. */
	public List<HistoryEntry> interaction(long id) {
		requireVisible("interaction", id, this.scope::byOrganization);
		List<HistoryEntry> all = new ArrayList<>(entries(AuditedEntity.INTERACTION, Set.of(id)));
		all.addAll(entries(AuditedEntity.FOLLOW_UP, idsWhere(AuditedEntity.FOLLOW_UP, "interaction_id", id)));
		return sorted(all);
	}

	/** A follow-up's history. */
	public List<HistoryEntry> followUp(long id) {
		requireVisible("follow_up", id, this.scope::byOrganization);
		return sorted(entries(AuditedEntity.FOLLOW_UP, Set.of(id)));
	}

	/** A meeting's history with that of its invitations. */
	public List<HistoryEntry> meeting(long id) {
		requireVisible("meeting", id, this.scope::meetings);
		List<HistoryEntry> all = new ArrayList<>(entries(AuditedEntity.MEETING, Set.of(id)));
		// invitations of organizations out of sight stay hidden, as on the meeting's page
		all.addAll(entries(AuditedEntity.INVITATION, this.historyScope.visible(AuditedEntity.INVITATION,
				idsWhere(AuditedEntity.INVITATION, "meeting_id", id))));
		return sorted(all);
	}

	/**
	 * A user limited to some countries sees the history of a record only while the record
	 * itself is visible to them: 404 otherwise, as for the record (existence does not
	 * leak). Users with every country also see the history of deleted records.
	 */
	private void requireVisible(String table, long id, BiFunction<String, MapSqlParameterSource, String> predicate) {
		if (this.scope.current().all()) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String condition = predicate.apply("r", params);
		Long visible = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " r WHERE r.id = :id" + condition,
				params, Long.class);
		if (visible == null || visible == 0) {
			throw new NotFoundException(table, id);
		}
	}

	/** Ids of the records whose history ever had {@code column = value}. */
	Set<Long> idsWhere(AuditedEntity entity, String column, long value) {
		return new LinkedHashSet<>(this.jdbc.queryForList(
				"SELECT DISTINCT id FROM " + entity.auditTable() + " WHERE " + AuditTrail.column(column) + " = :value",
				Map.of("value", value), Long.class));
	}

	private List<HistoryEntry> entries(AuditedEntity entity, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<HistoryEntry> entries = new ArrayList<>(envers(entity, ids));
		for (HistorySource source : this.sources) {
			entries.addAll(source.entries(entity, ids));
		}
		return entries;
	}

	private List<HistoryEntry> envers(AuditedEntity entity, Collection<Long> ids) {
		// (id, rev) -> the record's values at that revision
		Map<Long, TreeMap<Long, Map<String, @Nullable String>>> rows = new HashMap<>();
		Map<Long, TreeMap<Long, Integer>> types = new HashMap<>();
		this.jdbc.query("SELECT * FROM " + entity.auditTable() + " WHERE id IN (:ids)", Map.of("ids", ids),
				(ResultSet rs) -> {
					long id = rs.getLong("id");
					long rev = rs.getLong("rev");
					rows.computeIfAbsent(id, (k) -> new TreeMap<>()).put(rev, values(rs));
					types.computeIfAbsent(id, (k) -> new TreeMap<>()).put(rev, rs.getInt("revtype"));
				});
		// (id, rev) -> collection changes at that revision
		Map<Long, Map<Long, List<FieldChange>>> collections = new HashMap<>();
		for (AuditedEntity.Collection collection : entity.collections()) {
			Map<String, List<String>[]> changes = new LinkedHashMap<>();
			this.jdbc.query(
					"SELECT " + collection.ownerColumn() + ", rev, revtype, " + collection.valueColumn() + " FROM "
							+ collection.table() + " WHERE " + collection.ownerColumn() + " IN (:ids) ORDER BY rev",
					Map.of("ids", ids), (ResultSet rs) -> {
						String key = rs.getLong(1) + ":" + rs.getLong(2);
						@SuppressWarnings("unchecked")
						List<String>[] lists = changes.computeIfAbsent(key,
								(k) -> new List[] { new ArrayList<String>(), new ArrayList<String>() });
						lists[rs.getInt(3) == 2 ? 0 : 1].add(rs.getString(4));
					});
			changes.forEach((key, lists) -> {
				String[] parts = key.split(":");
				long id = Long.parseLong(parts[0]);
				long rev = Long.parseLong(parts[1]);
				lists[0].removeAll(List.copyOf(lists[1]));
				collections.computeIfAbsent(id, (k) -> new HashMap<>())
					.computeIfAbsent(rev, (k) -> new ArrayList<>())
					.add(new FieldChange(collection.field(), lists[0].isEmpty() ? null : String.join(", ", lists[0]),
							lists[1].isEmpty() ? null : String.join(", ", lists[1])));
			});
		}
		Set<Long> revs = new LinkedHashSet<>();
		rows.values().forEach((byRev) -> revs.addAll(byRev.keySet()));
		Map<Long, Revision> revisions = revisions(revs);
		List<HistoryEntry> entries = new ArrayList<>();
		rows.forEach((id, byRev) -> {
			Map<String, @Nullable String> previous = Map.of();
			for (Map.Entry<Long, Map<String, @Nullable String>> row : byRev.entrySet()) {
				long rev = row.getKey();
				int type = types.get(id).get(rev);
				Action action = (type == 0) ? Action.CREATED : (type == 2) ? Action.DELETED : Action.CHANGED;
				List<FieldChange> changes = new ArrayList<>();
				if (action != Action.DELETED) {
					for (Map.Entry<String, @Nullable String> value : row.getValue().entrySet()) {
						String before = previous.get(value.getKey());
						if (!Objects.equals(before, value.getValue())) {
							changes.add(new FieldChange(value.getKey(), before, value.getValue()));
						}
					}
				}
				changes.addAll(collections.getOrDefault(id, Map.of()).getOrDefault(rev, List.of()));
				previous = row.getValue();
				Revision revision = revisions.get(rev);
				if (revision != null) {
					entries.add(new HistoryEntry(rev, revision.at(), revision.user(), revision.source(),
							revision.sourceRef(), entity, id, action, changes));
				}
			}
		});
		return entries;
	}

	Map<Long, Revision> revisions(Collection<Long> revs) {
		Map<Long, Revision> revisions = new HashMap<>();
		if (!revs.isEmpty()) {
			this.jdbc.query(
					"SELECT rev, revtstmp, username, source, source_ref FROM audit_revision WHERE rev IN (:revs)",
					Map.of("revs", revs), (ResultSet rs) -> {
						revisions.put(rs.getLong(1), revision(rs));
					});
		}
		return revisions;
	}

	static Revision revision(ResultSet rs) throws SQLException {
		return new Revision(rs.getLong("rev"), Instant.ofEpochMilli(rs.getLong("revtstmp")), rs.getString("username"),
				ChangeSource.valueOf(rs.getString("source")), rs.getString("source_ref"));
	}

	private static Map<String, @Nullable String> values(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, @Nullable String> values = new TreeMap<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
			if (!AuditedEntity.HIDDEN.contains(column)) {
				values.put(column, text(rs.getObject(i)));
			}
		}
		return values;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof LocalDateTime time) {
			return time.toString();
		}
		return value.toString();
	}

	private static List<HistoryEntry> sorted(List<HistoryEntry> entries) {
		List<HistoryEntry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(HistoryEntry::at)
			.thenComparing((e) -> e.revision() == null ? Long.MAX_VALUE : e.revision())
			// an undo at the same instant as its import comes after it
			.thenComparing(HistoryEntry::source)
			.reversed());
		return sorted;
	}

	/** An Envers revision's stamp. */
	record Revision(long rev, Instant at, String user, ChangeSource source, @Nullable String sourceRef) {
	}

}
