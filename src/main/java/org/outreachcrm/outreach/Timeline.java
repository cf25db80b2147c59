package org.outreachcrm.outreach;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timelines of organizations and people, newest first: interactions, follow-ups and stage
 * changes come from one UNION ALL query over this module's tables; other modules add
 * their entries through {@link TimelineSource}s, merged by time.
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

	private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
		.reversed()
		.thenComparing(TimelineEntry::kind)
		.thenComparing(Comparator.comparingLong(TimelineEntry::id).reversed());

	private static final String ORGANIZATION_SQL = """
			SELECT 'INTERACTION' AS kind, i.id, i.occurred_at AS happened_at, i.organization_id,
			 i.subject AS title, i.type AS code, i.direction AS detail, NULL AS due_on
			FROM interaction i WHERE i.organization_id = :id
			UNION ALL
			SELECT 'FOLLOW_UP', f.id, f.created_at, f.organization_id, f.note,
			 CASE WHEN f.completed_at IS NULL THEN 'OPEN' ELSE 'DONE' END, NULL, f.due_on
			FROM follow_up f WHERE f.organization_id = :id
			UNION ALL
			SELECT 'STAGE_CHANGE', s.id, s.changed_at, s.organization_id, s.changed_by, s.to_stage, s.from_stage, NULL
			FROM stage_change s WHERE s.organization_id = :id
			ORDER BY happened_at DESC, kind, id DESC LIMIT :limit""";

	private static final String ORGANIZATION_COUNT = """
			SELECT (SELECT COUNT(*) FROM interaction i WHERE i.organization_id = :id)
			 + (SELECT COUNT(*) FROM follow_up f WHERE f.organization_id = :id)
			 + (SELECT COUNT(*) FROM stage_change s WHERE s.organization_id = :id)""";

	private static final String CONTACT_SQL = """
			SELECT 'INTERACTION' AS kind, i.id, i.occurred_at AS happened_at, i.organization_id,
			 i.subject AS title, i.type AS code, i.direction AS detail, NULL AS due_on
			FROM interaction i WHERE i.id IN (SELECT c.interaction_id FROM interaction_contact c WHERE c.contact_id = :id)/*i*/
			UNION ALL
			SELECT 'FOLLOW_UP', f.id, f.created_at, f.organization_id, f.note,
			 CASE WHEN f.completed_at IS NULL THEN 'OPEN' ELSE 'DONE' END, NULL, f.due_on
			FROM follow_up f WHERE f.interaction_id IN
			 (SELECT c.interaction_id FROM interaction_contact c WHERE c.contact_id = :id)/*f*/
			ORDER BY happened_at DESC, kind, id DESC LIMIT :limit""";

	private static final String CONTACT_COUNT = """
			SELECT (SELECT COUNT(*) FROM interaction i WHERE i.id IN
			 (SELECT c.interaction_id FROM interaction_contact c WHERE c.contact_id = :id)/*i*/)
			 + (SELECT COUNT(*) FROM follow_up f WHERE f.interaction_id IN
			 (SELECT c.interaction_id FROM interaction_contact c WHERE c.contact_id = :id)/*f*/)""";

	private final NamedParameterJdbcTemplate jdbc;

	private final List<TimelineSource> sources;

	private final Organizations organizations;

	private final Contacts contacts;

	private final ScopeSql scope;

	Timeline(NamedParameterJdbcTemplate jdbc, List<TimelineSource> sources, Organizations organizations,
			Contacts contacts, ScopeSql scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.sources = sources;
		this.organizations = organizations;
		this.contacts = contacts;
	}

	/**
	 * One page of a timeline. Each source reads at most offset + size entries, so deep
	 * pages cost more; lists stop at the page size limit of the API.
	 */
	public Page<TimelineEntry> of(TimelineSubject subject, long id, Pageable pageable) {
		boolean exists = subject == TimelineSubject.ORGANIZATION ? this.organizations.exists(id)
				: this.contacts.exists(id);
		if (!exists) {
			throw new NotFoundException(subject == TimelineSubject.ORGANIZATION ? "Organization" : "Contact", id);
		}
		int limit = (int) Math.min(Integer.MAX_VALUE, pageable.getOffset() + pageable.getPageSize());
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("limit", limit);
		boolean organization = subject == TimelineSubject.ORGANIZATION;
		// an organization's own entries are all visible with it; a person's interactions
		// may be with organizations outside the scope
		String sql = organization ? ORGANIZATION_SQL : scoped(CONTACT_SQL, params);
		String count = organization ? ORGANIZATION_COUNT : scoped(CONTACT_COUNT, params);
		List<TimelineEntry> entries = new ArrayList<>(this.jdbc.query(sql, params, (rs, n) -> entry(rs)));
		Long own = this.jdbc.queryForObject(count, params, Long.class);
		long total = own == null ? 0 : own;
		for (TimelineSource source : this.sources) {
			entries.addAll(source.newest(subject, id, limit));
			total += source.count(subject, id);
		}
		entries.sort(NEWEST_FIRST);
		int from = (int) Math.min(entries.size(), pageable.getOffset());
		int to = Math.min(entries.size(), from + pageable.getPageSize());
		return new PageImpl<>(entries.subList(from, to), pageable, total);
	}

	private String scoped(String sql, MapSqlParameterSource params) {
		return sql.replace("/*i*/", this.scope.byOrganization("i", params))
			.replace("/*f*/", this.scope.byOrganization("f", params));
	}

	private static TimelineEntry entry(ResultSet rs) throws SQLException {
		Date dueOn = rs.getDate("due_on");
		long organizationId = rs.getLong("organization_id");
		Long organization = rs.wasNull() ? null : organizationId;
		return new TimelineEntry(TimelineKind.valueOf(rs.getString("kind").strip()), rs.getLong("id"),
				OrganizationActivity.instant(rs.getObject("happened_at", LocalDateTime.class)), organization,
				rs.getString("title"), rs.getString("code"), rs.getString("detail"),
				dueOn == null ? null : dueOn.toLocalDate());
	}

}
