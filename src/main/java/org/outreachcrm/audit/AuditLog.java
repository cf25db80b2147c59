package org.outreachcrm.audit;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.RecordHistory.Revision;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global audit log: revisions newest first, filtered by user, kind of record and
 * period, each with the records it touched (one query per audited table and page), merged
 * in time order with the events the {@link HistorySource}s keep outside Envers (import
 * runs and their undo). A page at offset {@code o} reads the newest {@code o + size}
 * entries of each source and merges them: deep pages cost more, as with any offset.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	private static final Comparator<RevisionView> NEWEST_FIRST = Comparator.comparing(RevisionView::at)
		.thenComparing((v) -> v.revision() == null ? Long.MAX_VALUE : v.revision())
		.reversed();

	private final NamedParameterJdbcTemplate jdbc;

	private final List<HistorySource> sources;

	private final HistoryScope scope;

	AuditLog(NamedParameterJdbcTemplate jdbc, List<HistorySource> sources, HistoryScope scope) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.scope = scope;
	}

	public Page<RevisionView> search(AuditLogQuery query, Pageable pageable) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (query.user() != null && !query.user().isBlank()) {
			where.append(" AND r.username = :user");
			params.addValue("user", query.user().strip());
		}
		if (query.from() != null) {
			where.append(" AND r.revtstmp >= :from");
			params.addValue("from", query.from().toEpochMilli());
		}
		if (query.to() != null) {
			where.append(" AND r.revtstmp < :to");
			params.addValue("to", query.to().toEpochMilli());
		}
		if (query.entity() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM ")
				.append(query.entity().auditTable())
				.append(" a WHERE a.rev = r.rev)");
		}
		if (!this.scope.all()) {
			// an admin limited to some countries sees the revisions that touched a record
			// they may see, and in them only those records
			StringBuilder visible = new StringBuilder();
			for (AuditedEntity entity : AuditedEntity.values()) {
				visible.append(visible.isEmpty() ? "" : " OR ")
					.append("EXISTS (SELECT 1 FROM ")
					.append(entity.auditTable())
					.append(" sa WHERE sa.rev = r.rev")
					.append(this.scope.visibleRows(entity, "sa", params))
					.append(")");
			}
			where.append(" AND (").append(visible).append(")");
		}
		Long revisionCount = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_revision r" + where, params,
				Long.class);
		long total = (revisionCount == null) ? 0 : revisionCount;
		int newest = Math.toIntExact(Math.min(Integer.MAX_VALUE, pageable.getOffset() + pageable.getPageSize()));
		params.addValue("limit", newest);
		List<RevisionView> merged = new ArrayList<>(this.jdbc.query(
				"SELECT r.* FROM audit_revision r" + where + " ORDER BY r.rev DESC LIMIT :limit", params, (rs, n) -> {
					Revision r = RecordHistory.revision(rs);
					return new RevisionView(r.rev(), r.at(), r.user(), r.source(), r.sourceRef(), List.of());
				}));
		for (HistorySource source : this.sources) {
			merged.addAll(source.logEntries(query, newest));
			total += source.countLogEntries(query);
		}
		merged.sort(NEWEST_FIRST);
		List<RevisionView> page = merged.stream().skip(pageable.getOffset()).limit(pageable.getPageSize()).toList();
		Map<Long, List<RevisionView.Touched>> touched = touched(
				page.stream().map(RevisionView::revision).filter(Objects::nonNull).toList());
		List<RevisionView> content = page.stream()
			.map((v) -> (v.revision() == null) ? v
					: new RevisionView(v.revision(), v.at(), v.user(), v.source(), v.sourceRef(),
							touched.getOrDefault(v.revision(), List.of()), null))
			.toList();
		return new PageImpl<>(content, pageable, total);
	}

	private Map<Long, List<RevisionView.Touched>> touched(List<Long> revs) {
		Map<Long, List<RevisionView.Touched>> touched = new HashMap<>();
		if (revs.isEmpty()) {
			return touched;
		}
		for (AuditedEntity entity : AuditedEntity.values()) {
			MapSqlParameterSource params = new MapSqlParameterSource("revs", revs);
			String visible = this.scope.visibleRows(entity, "a", params);
			this.jdbc.query("SELECT a.rev, a.id, a.revtype FROM " + entity.auditTable() + " a WHERE a.rev IN (:revs)"
					+ visible + " ORDER BY a.id", params, (ResultSet rs) -> {
						int type = rs.getInt(3);
						touched.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
							.add(new RevisionView.Touched(entity, rs.getLong(2),
									(type == 0) ? Action.CREATED : (type == 2) ? Action.DELETED : Action.CHANGED));
					});
		}
		return touched;
	}

}
