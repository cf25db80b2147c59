package org.outreachcrm.audit;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * period, each with the records it touched (one query per audited table and page).
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	private final NamedParameterJdbcTemplate jdbc;

	AuditLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_revision r" + where, params, Long.class);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<Revision> revisions = this.jdbc.query(
				"SELECT r.* FROM audit_revision r" + where + " ORDER BY r.rev DESC LIMIT :limit OFFSET :offset", params,
				(rs, n) -> RecordHistory.revision(rs));
		Map<Long, List<RevisionView.Touched>> touched = new HashMap<>();
		List<Long> revs = revisions.stream().map(Revision::rev).toList();
		if (!revs.isEmpty()) {
			for (AuditedEntity entity : AuditedEntity.values()) {
				this.jdbc.query(
						"SELECT rev, id, revtype FROM " + entity.auditTable() + " WHERE rev IN (:revs) ORDER BY id",
						Map.of("revs", revs), (ResultSet rs) -> {
							int type = rs.getInt(3);
							touched.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
								.add(new RevisionView.Touched(entity, rs.getLong(2),
										(type == 0) ? Action.CREATED : (type == 2) ? Action.DELETED : Action.CHANGED));
						});
			}
		}
		List<RevisionView> content = revisions.stream()
			.map((r) -> new RevisionView(r.rev(), r.at(), r.user(), r.source(), r.sourceRef(),
					touched.getOrDefault(r.rev(), List.of())))
			.toList();
		return new PageImpl<>(content, pageable, (total == null) ? 0 : total);
	}

}
