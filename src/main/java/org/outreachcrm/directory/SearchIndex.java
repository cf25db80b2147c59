package org.outreachcrm.directory;

import java.time.LocalDate;
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
 * every name. Public for the directory's bulk path ({@code directory.bulk}); other
 * modules have no use for it (they search through {@link DirectorySearch}).
 */
@Component
public class SearchIndex {

	private static final List<String> FACET_COLUMNS = List.of("contact_id", "organization_type", "organization_stage",
			"affiliated_until");

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
	public void reindexOrganizations(Collection<Long> ids) {
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
	public void reindexContacts(Collection<Long> ids) {
		if (ids.size() > 1000) {
			// IN lists within what every driver and server accepts
			chunks(ids).forEach(this::reindexContacts);
			return;
		}
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, List<@Nullable String>> texts = new HashMap<>();
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
		replaceContacts(texts);
	}

	/**
	 * Rewrites the facets of everyone affiliated with these organizations, after a change
	 * of an organization's type or stage (the facets people are filtered by); their words
	 * do not change.
	 */
	public void reindexPeopleOf(Collection<Long> organizationIds) {
		Set<Long> people = new java.util.TreeSet<>();
		for (List<Long> chunk : chunks(organizationIds)) {
			people.addAll(this.named.queryForList("SELECT contact_id FROM affiliation WHERE organization_id IN (:ids)",
					Map.of("ids", chunk), Long.class));
		}
		for (List<Long> chunk : chunks(people)) {
			replaceFacets(chunk);
		}
	}

	/**
	 * The facets of these people as stored: one per organization type and stage they are
	 * affiliated with; people without affiliations are left out.
	 */
	private Map<Long, List<Facet>> facets(Collection<Long> contactIds) {
		Map<Long, List<Facet>> facets = new HashMap<>();
		if (contactIds.isEmpty()) {
			return facets;
		}
		this.named.query("""
				SELECT a.contact_id, o.type, o.stage,
				  CASE WHEN COUNT(*) > COUNT(a.end_date) THEN NULL ELSE MAX(a.end_date) END AS until
				FROM affiliation a JOIN organization o ON o.id = a.organization_id
				WHERE a.contact_id IN (:ids) GROUP BY a.contact_id, o.type, o.stage""", Map.of("ids", contactIds),
				(java.sql.ResultSet rs) -> {
					facets.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
						.add(new Facet(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
				});
		return facets;
	}

	/**
	 * What of a person's e-mail address is searched as words: the part before the "@".
	 * The domain is shared by everyone of a partner organization (and its last part by
	 * millions), so as tokens it would double the index and find nothing in particular; a
	 * whole address typed into the search is matched through the e-mail index instead.
	 */
	public static String personalPart(String email) {
		int at = email.lastIndexOf('@');
		return (at < 0) ? email : email.substring(0, at);
	}

	/**
	 * Indexes organizations that were just inserted, from the values the caller wrote:
	 * nothing to delete and nothing to read back.
	 */
	public void addOrganizations(Map<Long, List<@Nullable String>> texts) {
		insertAll("organization_search_token", "organization_id", texts);
	}

	/**
	 * Indexes contacts that were just inserted, from the values the caller wrote, with
	 * the facets of the affiliations the caller created for them (people without any are
	 * left out of {@code facets}).
	 */
	public void addContacts(Map<Long, List<@Nullable String>> texts, Map<Long, List<Facet>> facets) {
		insertAll("contact_search_token", "contact_id", texts);
		insertFacets(facets);
	}

	private void insertAll(String table, String idColumn, Map<Long, List<@Nullable String>> texts) {
		List<Object[]> rows = new ArrayList<>();
		texts.forEach((id, values) -> TextFolding.tokens(present(values))
			.forEach((token) -> rows.add(new Object[] { token, id })));
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

	private void replaceContacts(Map<Long, List<@Nullable String>> texts) {
		if (texts.isEmpty()) {
			return;
		}
		this.named.update("DELETE FROM contact_search_token WHERE contact_id IN (:ids)", Map.of("ids", texts.keySet()));
		insertAll("contact_search_token", "contact_id", texts);
		replaceFacets(texts.keySet());
	}

	/**
	 * Rewrites the facet rows of these people from their affiliations as stored (V260:
	 * one row per person and organization type and stage, none without affiliations).
	 */
	private void replaceFacets(Collection<Long> contactIds) {
		if (contactIds.isEmpty()) {
			return;
		}
		this.named.update("DELETE FROM contact_search_facet WHERE contact_id IN (:ids)", Map.of("ids", contactIds));
		insertFacets(facets(contactIds));
	}

	private void insertFacets(Map<Long, List<Facet>> facets) {
		List<Object[]> rows = new ArrayList<>();
		new java.util.TreeMap<>(facets).forEach((id, of) -> new java.util.LinkedHashSet<>(of)
			.forEach((facet) -> rows.add(new Object[] { id, facet.type(), facet.stage(), facet.until() })));
		if (!rows.isEmpty()) {
			this.bulk.insert("contact_search_facet", FACET_COLUMNS, rows);
		}
	}

	private static List<String> present(List<@Nullable String> values) {
		List<String> present = new ArrayList<>(values.size());
		values.forEach((value) -> {
			if (value != null) {
				present.add(value);
			}
		});
		return present;
	}

	void indexOrganization(long id, Collection<String> texts) {
		replace("organization_search_token", "organization_id", id, TextFolding.tokens(texts));
	}

	/**
	 * Rewrites a person's tokens from {@code texts}, with their affiliations' facets as
	 * stored.
	 */
	void indexContact(long id, Collection<String> texts) {
		replaceContacts(Map.of(id, new ArrayList<>(texts)));
	}

	private void replace(String table, String idColumn, long id, Set<String> tokens) {
		this.jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
		List<Object[]> rows = tokens.stream().map((token) -> new Object[] { token, id }).toList();
		BatchRows.execute(this.jdbc, "INSERT INTO " + table + " (token, " + idColumn + ") VALUES (?, ?)", rows);
	}

	private static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = List.copyOf(ids);
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
		}
		return chunks;
	}

	/**
	 * What people search filters on through a person's affiliations: the type and stage
	 * of an organization they are linked to, and the latest end date of those links (null
	 * while one of them is open-ended). "Currently affiliated" is then {@code until} null
	 * or not before today, which stays true without any write as days pass.
	 */
	public record Facet(String type, String stage, @Nullable LocalDate until) {

	}

}
