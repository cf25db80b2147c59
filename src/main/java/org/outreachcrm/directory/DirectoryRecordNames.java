package org.outreachcrm.directory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.shared.RecordNameQueries;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names organizations, people and the links between them (person – organization) for the
 * history, within the current user's countries.
 */
@Component
@Transactional(readOnly = true)
class DirectoryRecordNames implements RecordNames {

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	DirectoryRecordNames(NamedParameterJdbcTemplate jdbc, ScopeSql scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("organization", "contact", "affiliation");
	}

	@Override
	public Map<Long, String> names(String kind, Collection<Long> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return switch (kind) {
			case "organization" ->
				RecordNameQueries.names(this.jdbc, "SELECT o.id, o.name FROM organization o WHERE o.id IN (:ids)"
						+ this.scope.organizations("o", params), ids, params);
			case "contact" -> RecordNameQueries.names(this.jdbc,
					"SELECT c.id, c.display_name AS name FROM contact c WHERE c.id IN (:ids)"
							+ this.scope.contacts("c", params),
					ids, params);
			// a link between a person and an organization, named by both; seen with the
			// person
			case "affiliation" -> RecordNameQueries.names(this.jdbc,
					"SELECT a.id, CONCAT(c.display_name, ' – ', o.name) AS name FROM affiliation a"
							+ " JOIN contact c ON c.id = a.contact_id JOIN organization o ON o.id = a.organization_id"
							+ " WHERE a.id IN (:ids)" + this.scope.contacts("c", params),
					ids, params);
			default -> Map.of();
		};
	}

}
