package org.outreachcrm.duplicates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.Candidate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads organizations and people as the finder compares them, from the directory's tables
 * and read-only (the way the reports read them): an organization's name, country, city,
 * website, e-mail and phone; a person's display name, country, and first e-mail and
 * phone.
 */
@Component
class DirectoryCandidates {

	private static final String ORGANIZATION_COLUMNS = "SELECT o.id, o.name, o.country, o.city, o.website, o.email, o.phone";

	private static final String CONTACT_COLUMNS = """
			SELECT c.id, c.display_name AS name, c.country, NULL AS city, NULL AS website,
			  (SELECT MIN(e.email) FROM contact_email e WHERE e.contact_id = c.id) AS email,
			  (SELECT MIN(p.phone) FROM contact_phone p WHERE p.contact_id = c.id) AS phone""";

	private static final String ORGANIZATIONS = ORGANIZATION_COLUMNS + " FROM organization o";

	private static final String CONTACTS = CONTACT_COLUMNS + " FROM contact c";

	private final NamedParameterJdbcTemplate jdbc;

	DirectoryCandidates(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The columns the finder reads of a kind, for the scan's paging reader. */
	static String selectClause(MergeKind kind) {
		return (kind == MergeKind.ORGANIZATION) ? ORGANIZATION_COLUMNS : CONTACT_COLUMNS;
	}

	/** The table of a kind with the alias {@link #selectClause} uses. */
	static String fromClause(MergeKind kind) {
		return (kind == MergeKind.ORGANIZATION) ? "organization o" : "contact c";
	}

	/** Whether a kind has any record (a scan is worth starting). */
	boolean any(MergeKind kind) {
		String table = (kind == MergeKind.ORGANIZATION) ? "organization" : "contact";
		return !this.jdbc.getJdbcTemplate().queryForList("SELECT id FROM " + table + " LIMIT 1", Long.class).isEmpty();
	}

	static String select(MergeKind kind) {
		return (kind == MergeKind.ORGANIZATION) ? ORGANIZATIONS : CONTACTS;
	}

	/** The records with these ids (missing ones are left out). */
	List<Candidate> byIds(MergeKind kind, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String alias = (kind == MergeKind.ORGANIZATION) ? "o" : "c";
		List<Candidate> found = new ArrayList<>();
		List<Long> all = new ArrayList<>(ids);
		for (int start = 0; start < all.size(); start += 500) {
			List<Long> slice = all.subList(start, Math.min(all.size(), start + 500));
			found.addAll(this.jdbc.query(select(kind) + " WHERE " + alias + ".id IN (:ids)",
					new MapSqlParameterSource("ids", slice), (rs, n) -> candidate(rs)));
		}
		return found;
	}

	static Candidate candidate(ResultSet rs) throws SQLException {
		String email = rs.getString("email");
		String phone = rs.getString("phone");
		return new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("country"), rs.getString("city"),
				rs.getString("website"), (email != null) ? List.of(email) : List.of(),
				(phone != null) ? List.of(phone) : List.of());
	}

}
