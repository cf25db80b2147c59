package org.outreachcrm.meetings;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.shared.RecordNameQueries;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Names meetings (their title) for the history, within the current user's countries. */
@Component
class MeetingRecordNames implements RecordNames {

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	MeetingRecordNames(NamedParameterJdbcTemplate jdbc, ScopeSql scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("meeting");
	}

	@Override
	public Map<Long, String> names(String kind, Collection<Long> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return "meeting".equals(kind) ? RecordNameQueries.names(this.jdbc,
				"SELECT m.id, m.title AS name FROM meeting m WHERE m.id IN (:ids)" + this.scope.meetings("m", params),
				ids, params) : Map.of();
	}

}
