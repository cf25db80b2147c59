package org.outreachcrm.directory;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.outreachcrm.shared.TextFolding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the search tokens of organizations and contacts: one row per folded word, so that
 * a query word is an index range scan ({@code token LIKE 'lodz%'}) instead of a scan of
 * every name.
 */
@Component
class SearchIndex {

	private final JdbcTemplate jdbc;

	SearchIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
		this.jdbc.batchUpdate("INSERT INTO " + table + " (token, " + idColumn + ") VALUES (?, ?)", rows);
	}

}
