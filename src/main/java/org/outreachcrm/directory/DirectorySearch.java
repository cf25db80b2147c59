package org.outreachcrm.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.shared.TextFolding;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Paged directory lists straight from SQL into records: each query word must prefix-match
 * a search token; filters and sorting use the base tables' indexes.
 */
@Component
class DirectorySearch {

	private static final int MAX_WORDS = 8;

	private static final Map<String, String> ORGANIZATION_SORTS = Map.of("name", "o.name_key", "country", "o.country",
			"type", "o.type", "stage", "o.stage", "city", "o.city", "updatedAt", "o.updated_at", "createdAt",
			"o.created_at");

	private static final Map<String, String> CONTACT_SORTS = Map.of("name", "c.name_key", "displayName", "c.name_key",
			"country", "c.country", "updatedAt", "c.updated_at", "createdAt", "c.created_at");

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	DirectorySearch(NamedParameterJdbcTemplate jdbc, ScopeSql scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/**
	 * With query words the matches are a bounded set: the page and the total come from
	 * one evaluation of the conditions (the filters through affiliations are the costly
	 * part) instead of a count and a page query. Without words the total is a plain count
	 * and the page walks an index, which a window over the whole table would prevent.
	 */
	private static final String WINDOW_TOTAL = ", COUNT(*) OVER () AS total_rows";

	Page<OrganizationSummary> organizations(DirectoryQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = organizationConditions(query, params, "o");
		String countSql = "SELECT COUNT(*) FROM organization o" + where;
		String word = onlyWord(query);
		boolean counted = hasWords(query.q()) && word == null;
		long total;
		if (word != null) {
			// One word and nothing else: the total is the number of organizations among
			// the word's token rows, read from the token index alone, and the page can
			// stop after its rows in name order. With the window count every match was
			// read and sorted: 35,000 organizations for a word every sixth one carries
			// as a tag ("youth"), 271,000 rows examined instead of 72,000.
			total = count("SELECT COUNT(DISTINCT t.organization_id) FROM organization_search_token t WHERE t.token "
					+ (isPrefix(word) ? "LIKE :w0" : "= :w0"), params);
		}
		else {
			total = counted ? -1 : count(countSql, params);
		}
		if (total == 0) {
			return Page.empty(pageable);
		}
		long[] windowTotal = { 0 };
		String sql = "SELECT o.id, o.name, o.type, o.country, o.city, o.stage, o.email, o.updated_at, o.version"
				+ (counted ? WINDOW_TOTAL : "") + " FROM organization o" + where
				+ orderBy(pageable.getSort(), ORGANIZATION_SORTS, "o.name_key", "o.id") + page(pageable, params);
		List<OrganizationSummary> rows = this.jdbc.query(sql, params, (rs, n) -> {
			if (counted) {
				windowTotal[0] = rs.getLong("total_rows");
			}
			return organization(rs);
		});
		if (counted) {
			total = totalOf(rows.size(), windowTotal[0], pageable, countSql, params);
		}
		Map<Long, List<String>> tags = tags("organization_tag", "organization_id",
				rows.stream().map(OrganizationSummary::id).toList());
		List<OrganizationSummary> content = rows.stream()
			.map((o) -> new OrganizationSummary(o.id(), o.name(), o.type(), o.country(), o.city(), o.stage(), o.email(),
					tags.getOrDefault(o.id(), List.of()), o.updatedAt(), o.version()))
			.toList();
		return new PageImpl<>(content, pageable, total);
	}

	Page<ContactSummary> contacts(DirectoryQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.contacts("c", params));
		String q = emailTerms(query.q(), params, where);
		// With words, a filter by the type or stage of the people's organizations checks
		// the first word's token rows against the people's facet rows (V260: one small
		// row
		// per person and organization type and stage, read by primary key) before any
		// person is looked up, so that only the people of that type are read from
		// contact.
		// As a join inside the subquery MariaDB misjudged it and scanned every person; a
		// correlated COUNT is never flattened into a join (see below).
		// The facets name the type and stage of every organization of a person, in every
		// country: a scoped user filters through the affiliations below instead.
		boolean facets = hasWords(q) && query.organizationId() == null
				&& (query.type() != null || query.stage() != null) && this.scope.current().all();
		words(q, params, where, "c.id", "contact_search_token", "contact_id",
				facets ? " AND (SELECT COUNT(*) FROM contact_search_facet f WHERE f.contact_id = t0.contact_id"
						+ facetConditions(query, params, "f") + ") > 0" : "");
		// words or addresses narrow the people to a bounded set
		boolean narrowed = hasWords(query.q()) || !java.util.Objects.equals(q, query.q());
		if (query.country() != null) {
			where.append(" AND c.country = :country");
			params.addValue("country", query.country());
		}
		if (query.tag() != null) {
			where.append(" AND c.id IN (SELECT t.contact_id FROM contact_tag t WHERE t.tag = :tag)");
			params.addValue("tag", Tags.normalize(query.tag()));
		}
		if (!facets && (query.organizationId() != null || query.type() != null || query.stage() != null)) {
			// filters on organizations apply through current affiliations
			StringBuilder orgWhere = new StringBuilder(" WHERE (a.end_date IS NULL OR a.end_date >= CURRENT_DATE)");
			// only organizations in scope: one outside answers as one that does not
			// exist,
			// and the type or stage of a hidden one never selects its people
			orgWhere.append(this.scope.organizations("ao", params));
			if (query.organizationId() != null) {
				orgWhere.append(" AND a.organization_id = :organizationId");
				params.addValue("organizationId", query.organizationId());
			}
			if (query.type() != null) {
				orgWhere.append(" AND ao.type = :type");
				params.addValue("type", query.type().name());
			}
			if (query.stage() != null) {
				orgWhere.append(" AND ao.stage = :stage");
				params.addValue("stage", query.stage().name());
			}
			String affiliated = "SELECT a.contact_id FROM affiliation a JOIN organization ao ON ao.id = a.organization_id"
					+ orgWhere;
			if (narrowed) {
				// The words already narrow the people to a few thousand: check each one's
				// affiliations by index. As an IN (semi-join) MariaDB materialized every
				// person of e.g. all NGOs first: 4.7 s instead of 0.36 s at 330k people.
				// A correlated COUNT is never flattened into a join, on any database.
				where.append(" AND (")
					.append(affiliated.replace("SELECT a.contact_id", "SELECT COUNT(*)"))
					.append(" AND a.contact_id = c.id) > 0");
			}
			else {
				where.append(" AND c.id IN (").append(affiliated).append(")");
			}
		}
		String countSql = "SELECT COUNT(*) FROM contact c" + where;
		long total = narrowed ? -1 : count(countSql, params);
		if (total == 0) {
			return Page.empty(pageable);
		}
		long[] windowTotal = { 0 };
		String sql = "SELECT c.id, c.display_name, c.country, c.version" + (narrowed ? WINDOW_TOTAL : "")
				+ " FROM contact c" + where + orderBy(pageable.getSort(), CONTACT_SORTS, "c.name_key", "c.id")
				+ page(pageable, params);
		List<Object[]> rows = this.jdbc.query(sql, params, (rs, n) -> {
			if (narrowed) {
				windowTotal[0] = rs.getLong("total_rows");
			}
			return new Object[] { rs.getLong("id"), rs.getString("display_name"), rs.getString("country"),
					rs.getLong("version"), null };
		});
		if (narrowed) {
			total = totalOf(rows.size(), windowTotal[0], pageable, countSql, params);
		}
		List<Long> ids = rows.stream().map((r) -> (Long) r[0]).toList();
		Map<Long, String> emails = firstEmails(ids);
		rows.forEach((r) -> r[4] = emails.get((Long) r[0]));
		Map<Long, List<String>> tags = tags("contact_tag", "contact_id", ids);
		Map<Long, Object[]> organizations = currentOrganizations(ids);
		List<ContactSummary> content = new ArrayList<>();
		for (Object[] r : rows) {
			long id = (Long) r[0];
			Object[] org = organizations.get(id);
			content.add(new ContactSummary(id, (String) r[1], (String) r[4], (String) r[2],
					org == null ? null : (Long) org[0], org == null ? null : (String) org[1],
					org == null ? null : (String) org[2], tags.getOrDefault(id, List.of()), (Long) r[3]));
		}
		return new PageImpl<>(content, pageable, total);
	}

	private String organizationConditions(DirectoryQuery query, MapSqlParameterSource params, String alias) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.organizations(alias, params));
		words(query.q(), params, where, alias + ".id", "organization_search_token", "organization_id");
		if (query.type() != null) {
			where.append(" AND o.type = :type");
			params.addValue("type", query.type().name());
		}
		if (query.country() != null) {
			where.append(" AND o.country = :country");
			params.addValue("country", query.country());
		}
		if (query.stage() != null) {
			where.append(" AND o.stage = :stage");
			params.addValue("stage", query.stage().name());
		}
		if (query.tag() != null) {
			where.append(" AND o.id IN (SELECT t.organization_id FROM organization_tag t WHERE t.tag = :tag)");
			params.addValue("tag", Tags.normalize(query.tag()));
		}
		return where.toString();
	}

	/**
	 * Takes the terms of {@code q} that hold an "@" as (the start of) e-mail addresses,
	 * found through the e-mail index; returns the rest of the query for the word search.
	 * People are not indexed by the domain of their address (shared by everyone of a
	 * partner), so a pasted address is matched as an address, not as words.
	 */
	private static @Nullable String emailTerms(@Nullable String q, MapSqlParameterSource params, StringBuilder where) {
		if (q == null || q.indexOf('@') < 0) {
			return q;
		}
		List<String> rest = new ArrayList<>();
		int n = 0;
		for (String term : q.strip().split("\\s+")) {
			if (term.indexOf('@') < 0 || n >= MAX_WORDS) {
				rest.add(term);
				continue;
			}
			String prefix = term.toLowerCase(java.util.Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_");
			where.append(" AND c.id IN (SELECT e")
				.append(n)
				.append(".contact_id FROM contact_email e")
				.append(n)
				.append(" WHERE e")
				.append(n)
				.append(".email LIKE :e")
				.append(n)
				.append(')');
			params.addValue("e" + n, prefix + "%");
			n++;
		}
		return String.join(" ", rest);
	}

	/**
	 * The person is currently affiliated with an organization of the type and stage asked
	 * for: a facet row whose latest end date is open or not past (see
	 * {@link SearchIndex.Facet}).
	 */
	private static String facetConditions(DirectoryQuery query, MapSqlParameterSource params, String alias) {
		StringBuilder conditions = new StringBuilder();
		if (query.type() != null) {
			conditions.append(" AND ").append(alias).append(".organization_type = :type");
			params.addValue("type", query.type().name());
		}
		if (query.stage() != null) {
			conditions.append(" AND ").append(alias).append(".organization_stage = :stage");
			params.addValue("stage", query.stage().name());
		}
		return conditions.append(" AND (")
			.append(alias)
			.append(".affiliated_until IS NULL OR ")
			.append(alias)
			.append(".affiliated_until >= CURRENT_DATE)")
			.toString();
	}

	/**
	 * The query's word when it is one word with no filter and no country scope (every
	 * organization with a matching token is then a match), else null.
	 */
	private @Nullable String onlyWord(DirectoryQuery query) {
		if (query.q() == null || query.type() != null || query.country() != null || query.stage() != null
				|| query.tag() != null || !this.scope.current().all()) {
			return null;
		}
		List<String> words = TextFolding.words(query.q()).stream().distinct().toList();
		return words.size() == 1 ? words.get(0) : null;
	}

	private static boolean hasWords(@Nullable String q) {
		return q != null && !TextFolding.words(q).isEmpty();
	}

	private static void words(@Nullable String q, MapSqlParameterSource params, StringBuilder where, String idColumn,
			String tokenTable, String tokenIdColumn) {
		words(q, params, where, idColumn, tokenTable, tokenIdColumn, "");
	}

	/**
	 * One token-range condition per word; {@code firstMore} adds conditions on the first
	 * word's token rows, alias {@code t0}.
	 */
	private static void words(@Nullable String q, MapSqlParameterSource params, StringBuilder where, String idColumn,
			String tokenTable, String tokenIdColumn, String firstMore) {
		if (q == null || q.isBlank()) {
			return;
		}
		List<String> words = TextFolding.words(q).stream().distinct().limit(MAX_WORDS).toList();
		for (int i = 0; i < words.size(); i++) {
			// folded words hold only letters and digits, so they need no LIKE escaping
			where.append(" AND ")
				.append(idColumn)
				.append(" IN (SELECT t")
				.append(i)
				.append('.')
				.append(tokenIdColumn)
				.append(" FROM ")
				.append(tokenTable)
				.append(" t")
				.append(i)
				.append(" WHERE t")
				.append(i)
				.append(".token ")
				.append(isPrefix(words.get(i)) ? "LIKE" : "=")
				.append(" :w")
				.append(i)
				.append((i == 0) ? firstMore : "")
				.append(')');
			params.addValue("w" + i, isPrefix(words.get(i)) ? words.get(i) + "%" : words.get(i));
		}
		if (words.isEmpty()) {
			// only punctuation: nothing can match
			where.append(" AND 1=0");
		}
	}

	/**
	 * Whether a query word matches as the start of words. A single letter or digit
	 * matches only itself (an initial, a number): as a prefix it would match a tenth of
	 * the index (measured at 200,000 organizations: 330,000 tokens for "b", 1.9 s for "y
	 * l" among a million people), and the next keystroke narrows it anyway.
	 */
	private static boolean isPrefix(String word) {
		return word.codePointCount(0, word.length()) > 1;
	}

	/**
	 * The page's total from the window count its rows carry; a page past the end has no
	 * rows to carry it, so then it is counted.
	 */
	private long totalOf(int rows, long windowTotal, Pageable pageable, String countSql, MapSqlParameterSource params) {
		if (rows > 0) {
			return windowTotal;
		}
		return (pageable.getOffset() == 0) ? 0 : count(countSql, params);
	}

	private Map<Long, String> firstEmails(List<Long> contactIds) {
		Map<Long, String> emails = new HashMap<>();
		if (!contactIds.isEmpty()) {
			this.jdbc.query("SELECT contact_id, email FROM contact_email WHERE position = 0 AND contact_id IN (:ids)",
					Map.of("ids", contactIds), (java.sql.ResultSet rs) -> {
						emails.put(rs.getLong(1), rs.getString(2));
					});
		}
		return emails;
	}

	private long count(String sql, MapSqlParameterSource params) {
		Long count = this.jdbc.queryForObject(sql, params, Long.class);
		return count == null ? 0 : count;
	}

	private static String orderBy(Sort sort, Map<String, String> allowed, String defaultColumn, String tieBreaker) {
		List<String> parts = new ArrayList<>();
		for (Sort.Order order : sort) {
			String column = allowed.get(order.getProperty());
			if (column == null) {
				throw new BusinessRuleException("search.sort.unknown",
						"Cannot sort by " + order.getProperty() + "; use one of " + allowed.keySet(),
						order.getProperty(), allowed.keySet());
			}
			parts.add(column + (order.isAscending() ? " ASC" : " DESC"));
		}
		if (parts.isEmpty()) {
			parts.add(defaultColumn + " ASC");
		}
		parts.add(tieBreaker + " ASC");
		return " ORDER BY " + String.join(", ", parts);
	}

	private static String page(Pageable pageable, MapSqlParameterSource params) {
		params.addValue("limit", pageable.getPageSize());
		params.addValue("offset", pageable.getOffset());
		return " LIMIT :limit OFFSET :offset";
	}

	private Map<Long, List<String>> tags(String table, String idColumn, List<Long> ids) {
		Map<Long, List<String>> tags = new HashMap<>();
		if (ids.isEmpty()) {
			return tags;
		}
		this.jdbc.query("SELECT " + idColumn + ", tag FROM " + table + " WHERE " + idColumn + " IN (:ids) ORDER BY tag",
				Map.of("ids", ids), (ResultSet rs) -> {
					tags.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		return tags;
	}

	private Map<Long, Object[]> currentOrganizations(List<Long> contactIds) {
		Map<Long, Object[]> result = new LinkedHashMap<>();
		if (contactIds.isEmpty()) {
			return result;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", contactIds);
		String inScope = this.scope.organizations("o", params);
		this.jdbc.query(
				"""
						SELECT a.contact_id, o.id, o.name, a.role FROM affiliation a JOIN organization o ON o.id = a.organization_id
						WHERE a.contact_id IN (:ids) AND (a.end_date IS NULL OR a.end_date >= CURRENT_DATE)"""
						+ inScope + " ORDER BY a.primary_affiliation DESC, a.start_date DESC, a.id",
				params, (ResultSet rs) -> {
					result.putIfAbsent(rs.getLong(1), new Object[] { rs.getLong(2), rs.getString(3), rs.getString(4) });
				});
		return result;
	}

	List<OrganizationFacts> facts(Collection<Long> ids) {
		List<OrganizationFacts> facts = new ArrayList<>();
		// chunks keep the IN list within what every driver and server accepts
		for (List<Long> chunk : chunks(ids)) {
			MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk);
			String inScope = this.scope.organizations("o", params);
			facts.addAll(this.jdbc.query(
					"SELECT o.id, o.name, o.country, o.type, o.stage, o.created_at FROM organization o WHERE o.id IN (:ids)"
							+ inScope,
					params,
					(rs, n) -> new OrganizationFacts(rs.getLong("id"), rs.getString("name"), rs.getString("country"),
							OrganizationType.valueOf(rs.getString("type")),
							PartnershipStage.valueOf(rs.getString("stage")),
							rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC))));
		}
		return facts;
	}

	List<ContactCard> contactCards(Collection<Long> ids) {
		List<ContactCard> cards = new ArrayList<>();
		for (List<Long> chunk : chunks(ids)) {
			MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk);
			String inScope = this.scope.contacts("c", params);
			cards.addAll(this.jdbc.query("""
					SELECT c.id, c.display_name, c.country,
					(SELECT MIN(e.email) FROM contact_email e WHERE e.contact_id = c.id AND e.position = 0) AS email
					FROM contact c WHERE c.id IN (:ids)""" + inScope, params,
					(rs, n) -> new ContactCard(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
							rs.getString("country"))));
		}
		return cards;
	}

	private static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 1000) {
			chunks.add(all.subList(from, Math.min(all.size(), from + 1000)));
		}
		return chunks;
	}

	private static OrganizationSummary organization(ResultSet rs) throws SQLException {
		return new OrganizationSummary(rs.getLong("id"), rs.getString("name"),
				OrganizationType.valueOf(rs.getString("type")), rs.getString("country"), rs.getString("city"),
				PartnershipStage.valueOf(rs.getString("stage")), rs.getString("email"), List.of(),
				rs.getObject("updated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong("version"));
	}

}
