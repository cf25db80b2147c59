package org.outreachcrm.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TextFolding;
import org.outreachcrm.shared.BatchRows;
import org.outreachcrm.shared.BulkInsert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the search tokens of organizations and contacts: one row per folded word, so that
 * a query word is an index range scan ({@code token LIKE 'lodz%'}) instead of a scan of
 * every name.
 */
@Component
class SearchIndex {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final BulkInsert bulk;

	SearchIndex(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, BulkInsert bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.named = named;
	}

	/**
	 * Rebuilds the tokens of many organizations from what is stored, with a few queries
	 * in all.
	 */
	void reindexOrganizations(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, List<String>> texts = new HashMap<>();
		this.named.query("SELECT id, name, city, email, website FROM organization WHERE id IN (:ids)",
				Map.of("ids", ids), (java.sql.ResultSet rs) -> {
					texts.put(rs.getLong(1), new ArrayList<>(java.util.Arrays.asList(rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5))));
				});
		this.named.query("SELECT organization_id, tag FROM organization_tag WHERE organization_id IN (:ids)",
				Map.of("ids", ids), (java.sql.ResultSet rs) -> {
					texts.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		replaceAll("organization_search_token", "organization_id", texts);
	}

	/**
	 * Rebuilds the tokens of many contacts from what is stored, with a few queries in
	 * all.
	 */
	void reindexContacts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, List<String>> texts = new HashMap<>();
		this.named.query("SELECT id, display_name, given_name, family_name FROM contact WHERE id IN (:ids)",
				Map.of("ids", ids), (java.sql.ResultSet rs) -> {
					texts.put(rs.getLong(1), new ArrayList<>(
							java.util.Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4))));
				});
		this.named.query("SELECT contact_id, email FROM contact_email WHERE contact_id IN (:ids)", Map.of("ids", ids),
				(java.sql.ResultSet rs) -> {
					texts.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(personalPart(rs.getString(2)));
				});
		this.named.query("SELECT contact_id, tag FROM contact_tag WHERE contact_id IN (:ids)", Map.of("ids", ids),
				(java.sql.ResultSet rs) -> {
					texts.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		replaceAll("contact_search_token", "contact_id", texts);
	}

	/**
	 * What of a person's e-mail address is searched as words: the part before the "@".
	 * The domain is shared by everyone of a partner organization (and its last part by
	 * millions), so as tokens it would double the index and find nothing in particular; a
	 * whole address typed into the search is matched through the e-mail index instead.
	 */
	static String personalPart(String email) {
		int at = email.lastIndexOf('@');
		return (at < 0) ? email : email.substring(0, at);
	}

	/**
	 * Indexes organizations that were just inserted, from the values the caller wrote:
	 * nothing to delete and nothing to read back.
	 */
	void addOrganizations(Map<Long, List<@Nullable String>> texts) {
		insertAll("organization_search_token", "organization_id", texts);
	}

	/** Indexes contacts that were just inserted, from the values the caller wrote. */
	void addContacts(Map<Long, List<@Nullable String>> texts) {
		insertAll("contact_search_token", "contact_id", texts);
	}

	private void insertAll(String table, String idColumn, Map<Long, List<@Nullable String>> texts) {
		List<Object[]> rows = new ArrayList<>();
		texts.forEach((id, values) -> {
			List<String> present = new ArrayList<>(values.size());
			values.forEach((value) -> {
				if (value != null) {
					present.add(value);
				}
			});
			TextFolding.tokens(present).forEach((token) -> rows.add(new Object[] { token, id }));
		});
		if (!rows.isEmpty()) {
			// in primary-key order, so that InnoDB fills its pages in sequence
			rows.sort(java.util.Comparator.comparing((Object[] row) -> (String) row[0])
				.thenComparing((Object[] row) -> (Long) row[1]));
			this.bulk.insert(table, List.of("token", idColumn), rows);
		}
	}

	private void replaceAll(String table, String idColumn, Map<Long, List<String>> texts) {
		this.named.update("DELETE FROM " + table + " WHERE " + idColumn + " IN (:ids)", Map.of("ids", texts.keySet()));
		List<Object[]> rows = new ArrayList<>();
		texts.forEach((id, values) -> {
			values.removeIf(java.util.Objects::isNull);
			TextFolding.tokens(values).forEach((token) -> rows.add(new Object[] { token, id }));
		});
		this.bulk.insert(table, List.of("token", idColumn), rows);
	}

	void indexOrganization(long id, Collection<String> texts) {
		replace("organization_search_token", "organization_id", id, TextFolding.tokens(texts));
	}

	void indexContact(long id, Collection<String> texts) {
		replace("contact_search_token", "contact_id", id, TextFolding.tokens(texts));
	}

	private void replace(String table, String idColumn, long id, Set<String> tokens) {
		this.jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
		List<Object[]> rows = tokens.stream().map((token) -> new Object[] { token, id }).toList();
		BatchRows.execute(this.jdbc, "INSERT INTO " + table + " (token, " + idColumn + ") VALUES (?, ?)", rows);
	}

}
