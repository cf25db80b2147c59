package org.outreachcrm.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.shared.RecordNameQueries;
import org.outreachcrm.shared.RecordNames;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Names users for the history: by id, and by the login name a revision keeps. */
@Component
class AccountRecordNames implements RecordNames {

	private final NamedParameterJdbcTemplate jdbc;

	AccountRecordNames(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("user");
	}

	@Override
	public Map<Long, String> names(String kind, Collection<Long> ids) {
		return "user".equals(kind) ? RecordNameQueries.names(this.jdbc,
				"SELECT u.id, u.display_name AS name FROM app_user u WHERE u.id IN (:ids)", ids,
				new MapSqlParameterSource()) : Map.of();
	}

	@Override
	public Map<String, String> userNames(Collection<String> usernames) {
		Map<String, String> names = new HashMap<>();
		if (!usernames.isEmpty()) {
			this.jdbc.query("SELECT username, display_name FROM app_user WHERE username IN (:names)",
					Map.of("names", usernames), (rs) -> {
						names.put(rs.getString(1), rs.getString(2));
					});
		}
		return names;
	}

}
