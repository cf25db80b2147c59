package org.outreachcrm.outreach;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.shared.RecordNameQueries;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names campaigns, interactions (their subject) and follow-ups (their note) for the
 * history; interactions and follow-ups within the current user's countries.
 */
@Component
class OutreachRecordNames implements RecordNames {

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	OutreachRecordNames(NamedParameterJdbcTemplate jdbc, ScopeSql scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("campaign", "interaction", "follow_up");
	}

	@Override
	public Map<Long, String> names(String kind, Collection<Long> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return switch (kind) {
			case "campaign" -> RecordNameQueries.names(this.jdbc,
					"SELECT c.id, c.name FROM campaign c WHERE c.id IN (:ids)", ids, params);
			case "interaction" -> RecordNameQueries.names(this.jdbc,
					"SELECT i.id, i.subject AS name FROM interaction i WHERE i.id IN (:ids)"
							+ this.scope.byOrganization("i", params),
					ids, params);
			case "follow_up" -> RecordNameQueries.names(this.jdbc,
					"SELECT f.id, COALESCE(f.note, '') AS name FROM follow_up f WHERE f.id IN (:ids)"
							+ this.scope.byOrganization("f", params),
					ids, params);
			default -> Map.of();
		};
	}

}
