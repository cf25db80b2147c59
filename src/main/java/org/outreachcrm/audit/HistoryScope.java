package org.outreachcrm.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The country scope applied to history: a row of an Envers table is visible when its
 * record is visible now by {@code shared.ScopeRules} (organizations, contacts, meetings)
 * or, for what hangs off an organization (affiliations, interactions, follow-ups,
 * invitations), when that organization is visible now: the organization recorded in the
 * row, which Envers also keeps for deletions. Campaigns and users are not scoped.
 */
@Component
class HistoryScope {

	private final ScopeSql scope;

	private final NamedParameterJdbcTemplate jdbc;

	HistoryScope(ScopeSql scope, NamedParameterJdbcTemplate jdbc) {
		this.scope = scope;
		this.jdbc = jdbc;
	}

	boolean all() {
		return this.scope.current().all();
	}

	/**
	 * {@code " AND (...)"} limiting rows of {@code entity}'s Envers table (alias
	 * {@code alias}) to visible records; nothing for a scope of all countries.
	 */
	String visibleRows(AuditedEntity entity, String alias, MapSqlParameterSource params) {
		if (all()) {
			return "";
		}
		return switch (entity) {
			case ORGANIZATION -> " AND " + alias + ".id IN (SELECT so.id FROM organization so WHERE 1 = 1"
					+ this.scope.organizations("so", params) + ")";
			case CONTACT -> " AND " + alias + ".id IN (SELECT sc.id FROM contact sc WHERE 1 = 1"
					+ this.scope.contacts("sc", params) + ")";
			case MEETING -> " AND " + alias + ".id IN (SELECT sm.id FROM meeting sm WHERE 1 = 1"
					+ this.scope.meetings("sm", params) + ")";
			case AFFILIATION, INTERACTION, FOLLOW_UP, INVITATION -> this.scope.byOrganization(alias, params);
			case CAMPAIGN, USER -> "";
		};
	}

	/**
	 * The given records of {@code entity} whose history the caller may see; records that
	 * Envers never saw (written by an import) are judged by their current row.
	 */
	Set<Long> visible(AuditedEntity entity, Collection<Long> ids) {
		if (all() || ids.isEmpty()) {
			return new LinkedHashSet<>(ids);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
		String audited = visibleRows(entity, "a", params);
		Set<Long> visible = new LinkedHashSet<>(this.jdbc.queryForList(
				"SELECT DISTINCT a.id FROM " + entity.auditTable() + " a WHERE a.id IN (:ids)" + audited, params,
				Long.class));
		MapSqlParameterSource current = new MapSqlParameterSource("ids", ids);
		String now = visibleRows(entity, "t", current);
		visible.addAll(this.jdbc.queryForList("SELECT t.id FROM " + entity.table() + " t WHERE t.id IN (:ids)" + now,
				current, Long.class));
		Set<Long> kept = new LinkedHashSet<>(ids);
		kept.retainAll(visible);
		return kept;
	}

}
