package org.outreachcrm.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads names for {@link RecordNames} implementations: one statement per kind and call,
 * {@code id} and {@code name} columns, the scope condition appended by the caller.
 */
public final class RecordNameQueries {

	private RecordNameQueries() {
	}

	/**
	 * {@code select} must select {@code id, name} and end in a WHERE clause to extend.
	 */
	public static Map<Long, String> names(NamedParameterJdbcTemplate jdbc, String select, Collection<Long> ids,
			MapSqlParameterSource params) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		params.addValue("ids", ids);
		jdbc.query(select, params, (rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
		});
		return names;
	}

}
