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
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.shared.TextFolding;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Paged directory lists straight from SQL into records: each query word must prefix-match
 * a search token; filters and sorting use the base tables' indexes.
 */
@Component
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectorySearch {

	private static final int MAX_WORDS = 8;

	private static final Map<String, String> ORGANIZATION_SORTS = Map.of("name", "o.name_key", "country", "o.country",
			"type", "o.type", "stage", "o.stage", "city", "o.city", "updatedAt", "o.updated_at", "createdAt",
			"o.created_at");

	private static final Map<String, String> CONTACT_SORTS = Map.of("name", "c.name_key", "displayName", "c.name_key",
			"country", "c.country", "updatedAt", "c.updated_at", "createdAt", "c.created_at");

	/**
	 * Sorts an index walks in the page's order (the id tie-breaker is the index's own
	 * suffix, ascending: descending would need the id descending too): only along these
	 * is checking each record's words per row cheaper than reading the words' matches
	 * first; other sorts must read every match to sort it. A page without a sort is in
	 * name order, so it walks too. The walk has a budget ({@link #walk}): organizations
	 * carry ~14 tokens each (names, city, tags), so a walk costs more per record than the
	 * set of a common word ("ma" at 200,000 organizations: 62,563 token entries for an
	 * unbounded walk, 7,010 for the set), and an unbounded walk for a rare word ran 6 s.
	 */
	private static final Set<String> ORGANIZATION_WALKS = Set.of("name");

	private static final Set<String> CONTACT_WALKS = Set.of("name", "displayName");

	private static final String ORGANIZATION_COLUMNS = "o.id, o.name, o.type, o.country, o.city, o.stage, o.email, o.updated_at, o.version";

	private static final String CONTACT_COLUMNS = "c.id, c.display_name, c.country, c.version";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	private final int countCap;

	private final int walkRows;

	private final int peopleWalkRows;

	DirectorySearch(NamedParameterJdbcTemplate jdbc, ScopeSql scope, DirectoryProperties properties) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.countCap = properties.countCap();
		this.walkRows = properties.walkRows();
		this.peopleWalkRows = properties.peopleWalkRows();
	}

	Page<OrganizationSummary> organizations(DirectoryQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Long> matches = cappedMatches("organization o", "organization_search_token t0", "organization_id", "o",
				organizationConditions(query, params, "o", WordForm.DRIVE), params);
		long capped = matches.size();
		if (capped == 0) {
			return Page.empty(pageable);
		}
		boolean exact = capped <= this.countCap;
		String order = orderBy(pageable.getSort(), ORGANIZATION_SORTS, "o.name_key", "o.id");
		List<OrganizationSummary> rows = null;
		if (!exact && walks(pageable, ORGANIZATION_WALKS)) {
			MapSqlParameterSource walkParams = new MapSqlParameterSource();
			String where = organizationConditions(query, walkParams, "o", WordForm.PROBE, "walked.id").where();
			rows = walk("organization", "o", ORGANIZATION_COLUMNS, where, walkParams, pageable,
					(rs, n) -> organization(rs), query.country());
		}
		if (rows == null && exact) {
			MapSqlParameterSource pageParams = new MapSqlParameterSource("ids", matches);
			rows = this.jdbc.query("SELECT " + ORGANIZATION_COLUMNS + " FROM organization o WHERE o.id IN (:ids)"
					+ order + page(pageable, true, pageParams), pageParams, (rs, n) -> organization(rs));
		}
		if (rows == null) {
			String where = organizationConditions(query, params, "o", WordForm.SET).where();
			rows = this.jdbc.query("SELECT " + ORGANIZATION_COLUMNS + " FROM organization o" + where + order
					+ page(pageable, exact, params), params, (rs, n) -> organization(rs));
		}
		boolean more = !exact && rows.size() > pageable.getPageSize();
		List<OrganizationSummary> kept = more ? rows.subList(0, pageable.getPageSize()) : rows;
		Map<Long, List<String>> tags = tags("organization_tag", "organization_id",
				kept.stream().map(OrganizationSummary::id).toList());
		List<OrganizationSummary> content = kept.stream()
			.map((o) -> new OrganizationSummary(o.id(), o.name(), o.type(), o.country(), o.city(), o.stage(), o.email(),
					tags.getOrDefault(o.id(), List.of()), o.updatedAt(), o.version()))
			.toList();
		return bounded(content, pageable, capped, exact, more);
	}

	Page<ContactSummary> contacts(DirectoryQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Long> matches = cappedMatches("contact c", "contact_search_token t0", "contact_id", "c",
				contactConditions(query, params, WordForm.DRIVE), params);
		long capped = matches.size();
		if (capped == 0) {
			return Page.empty(pageable);
		}
		boolean exact = capped <= this.countCap;
		String order = orderBy(pageable.getSort(), CONTACT_SORTS, "c.name_key", "c.id");
		List<Object[]> rows = null;
		if (!exact && walks(pageable, CONTACT_WALKS)) {
			rows = walkPeople(query, pageable);
		}
		if (rows == null && exact) {
			MapSqlParameterSource pageParams = new MapSqlParameterSource("ids", matches);
			rows = this.jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM contact c WHERE c.id IN (:ids)" + order
					+ page(pageable, true, pageParams), pageParams, DirectorySearch::contactRow);
		}
		if (rows == null) {
			String where = contactConditions(query, params, WordForm.JOINED).where();
			rows = this.jdbc.query(
					"SELECT " + CONTACT_COLUMNS + " FROM contact c" + where + order + page(pageable, exact, params),
					params, DirectorySearch::contactRow);
		}
		boolean more = !exact && rows.size() > pageable.getPageSize();
		if (more) {
			rows = rows.subList(0, pageable.getPageSize());
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
		return bounded(content, pageable, capped, exact, more);
	}

	/**
	 * Above the cap, a page in name order found by walking the name index from its start
	 * and checking each record's words ({@link WordForm#PROBE}), for at most the page's
	 * end plus {@code walkRows} records: a common word spread over the alphabet fills the
	 * page within a few thousand, while matches that cluster late ("maria" among names
	 * that start with the given name) would make the walk read most of the directory
	 * (over 30 s at 1,000,000 people, 6 s at 200,000 organizations for a rare word). The
	 * words are checked on the name index's ids before a record is looked up (measured at
	 * 1,000,000 people: 5,000 walked, 0.1 s; looking each up first, 0.9 s). With a
	 * country filter only that country's names are walked. Returns {@code null} when the
	 * walk ended before the page was full (it cannot tell whether it met the end of the
	 * matches), so that the caller sorts the words' matches instead: the walk's budget is
	 * then the most it wasted.
	 */
	private <T> @Nullable List<T> walk(String table, String alias, String columns, String where,
			MapSqlParameterSource params, Pageable pageable, RowMapper<T> mapper, @Nullable String country) {
		params.addValue("walk", pageable.getOffset() + pageable.getPageSize() + 1 + this.walkRows);
		// a country filter walks that country's names, (country, name_key), instead of
		// spending the budget on everyone else's
		String walked = "";
		if (country != null) {
			walked = " WHERE w.country = :walkCountry";
			params.addValue("walkCountry", country);
		}
		List<T> rows = this.jdbc.query("SELECT " + columns + " FROM (SELECT w.id, w.name_key FROM " + table + " w"
				+ walked + " ORDER BY w.name_key, w.id LIMIT :walk) walked JOIN " + table + " " + alias + " ON " + alias
				+ ".id = walked.id" + where
				// only name order walks (see walks): the walked index's own order
				+ " ORDER BY walked.name_key ASC, walked.id ASC" + page(pageable, false, params), params, mapper);
		return (rows.size() > pageable.getPageSize()) ? rows : null;
	}

	/**
	 * Above the cap, people in name order found by walking the name index's ids (with a
	 * country filter that country's names), at most the page's end plus
	 * {@code peopleWalkRows} of them, and checking each against the words' joined set
	 * ({@link WordForm#JOINED}) and the other conditions, before the page's people are
	 * read by id. Unlike {@link #walk}, no walked name costs a look-up of its record or
	 * of its tokens: the walk reads index entries in order and the words' token ranges
	 * once (measured at 1,000,000 people: "ma" walked 6,098 names for its page, 0.16 s
	 * instead of 1.5 s with a token probe per name). Returns {@code null} when the walk
	 * ended before the page was full, as {@link #walk} does.
	 */
	private @Nullable List<Object[]> walkPeople(DirectoryQuery query, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = contactConditions(query, params, WordForm.JOINED).where();
		// without words every walked name matches but the filters': the list's own budget
		int budget = hasWords(query.q()) ? this.peopleWalkRows : this.walkRows;
		params.addValue("walk", pageable.getOffset() + pageable.getPageSize() + 1 + budget);
		// the conditions read the walked country only with a country filter (then the
		// country's index is walked and holds it) or a country scope (then each walked
		// person's row is read for it)
		String walked = " FROM contact w";
		String columns = "w.id, w.name_key";
		if (query.country() != null) {
			walked += " WHERE w.country = :walkCountry";
			params.addValue("walkCountry", query.country());
		}
		if (query.country() != null || !this.scope.current().all()) {
			columns += ", w.country";
		}
		List<Long> ids = this.jdbc
			.queryForList("SELECT c.id FROM (SELECT " + columns + walked + " ORDER BY w.name_key, w.id LIMIT :walk) c"
					+ where + " ORDER BY c.name_key ASC, c.id ASC" + page(pageable, false, params), params, Long.class);
		if (ids.size() <= pageable.getPageSize()) {
			return null;
		}
		return this.jdbc.query(
				"SELECT " + CONTACT_COLUMNS + " FROM contact c WHERE c.id IN (:ids)"
						+ " ORDER BY c.name_key ASC, c.id ASC",
				new MapSqlParameterSource("ids", ids), DirectorySearch::contactRow);
	}

	private static Object[] contactRow(ResultSet rs, int n) throws SQLException {
		return new Object[] { rs.getLong("id"), rs.getString("display_name"), rs.getString("country"),
				rs.getLong("version"), null };
	}

	private static boolean walks(Pageable pageable, Set<String> walks) {
		return pageable.getSort().stream().limit(2).count() <= 1
				&& pageable.getSort().stream().allMatch((o) -> o.isAscending() && walks.contains(o.getProperty()));
	}

	/**
	 * The ids of the matches, up to one past the cap, reading at most that many rows (or
	 * token entries): a common prefix ("ma") or a list without words no longer reads and
	 * sorts every person to learn a total nobody pages through (issue 20: 1,000,001 rows
	 * read at full size). At or below the cap they are every match, and the page is read
	 * from them by primary key instead of finding the words' matches a second time (issue
	 * 20: for two short words with a type filter the second search was half the request).
	 */
	private List<Long> cappedMatches(String table, String tokenTable, String tokenIdColumn, String alias,
			Conditions conditions, MapSqlParameterSource params) {
		params.addValue("cap", this.countCap + 1);
		if (!conditions.driven()) {
			return this.jdbc.queryForList("SELECT " + alias + ".id FROM " + table + conditions.where() + " LIMIT :cap",
					params, Long.class);
		}
		// the one word's token rows in key order, each joined to its record: a common
		// prefix stops after cap + 1 records (measured at 1,000,000 people: 1,000 token
		// entries for "ma" instead of the 74,393 a set of ids reads first)
		return this.jdbc.queryForList("SELECT DISTINCT t0." + tokenIdColumn + " FROM " + tokenTable + " JOIN " + table
				+ " ON " + alias + ".id = t0." + tokenIdColumn + conditions.where() + " LIMIT :cap", params,
				Long.class);
	}

	/**
	 * The page with its total: the capped count at or below the cap; above it a lower
	 * bound, unless the page read reached the end (then the end is known exactly).
	 */
	private <T> Page<T> bounded(List<T> content, Pageable pageable, long capped, boolean exact, boolean more) {
		if (exact) {
			return new BoundedPage<>(content, pageable, capped, true, false);
		}
		if (!more && !content.isEmpty()) {
			return new BoundedPage<>(content, pageable, pageable.getOffset() + content.size(), true, false);
		}
		long atLeast = Math.max(this.countCap, pageable.getOffset() + content.size());
		return new BoundedPage<>(content, pageable, atLeast, false, more);
	}

	private Conditions contactConditions(DirectoryQuery query, MapSqlParameterSource params, WordForm form) {
		return contactConditions(query, params, form, "c.id");
	}

	/**
	 * The people's conditions, the words' ones on {@code wordsId} (the walk checks them
	 * on the name index's ids before a person is looked up).
	 */
	private Conditions contactConditions(DirectoryQuery query, MapSqlParameterSource params, WordForm form,
			String wordsId) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.contacts("c", params));
		String q = emailTerms(query.q(), params, where);
		// With words, a filter by the type or stage of the people's organizations checks
		// the first word's token rows against the people's facet rows (V260: one small
		// row per person and organization type and stage, read by primary key) before
		// any person is looked up, so that only the people of that type are read from
		// contact. As a join inside the subquery MariaDB misjudged it and scanned every
		// person; a correlated COUNT is never flattened into a join (see below).
		// The facets name the type and stage of every organization of a person, in every
		// country: a scoped user filters through the affiliations below instead.
		// With several words they are checked once, on the ids found in every word's set
		// (WordForm.JOINED): "da fu" among trade unions checked 34,689 facet rows of "da"
		// for 413 people.
		boolean facets = hasWords(q) && query.organizationId() == null
				&& (query.type() != null || query.stage() != null) && this.scope.current().all();
		if (form == WordForm.DRIVE && q != null && TextFolding.words(q).stream().distinct().count() > 1) {
			form = WordForm.JOINED;
		}
		boolean driven = words(q, params, where, wordsId, "contact_search_token", "contact_id",
				facets ? " AND (SELECT COUNT(*) FROM contact_search_facet f WHERE f.contact_id = {id}"
						+ facetConditions(query, params, "f") + ") > 0" : "",
				form);
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
			// exist, and the type or stage of a hidden one never selects its people
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
		return new Conditions(where.toString(), driven);
	}

	private Conditions organizationConditions(DirectoryQuery query, MapSqlParameterSource params, String alias,
			WordForm form) {
		return organizationConditions(query, params, alias, form, alias + ".id");
	}

	private Conditions organizationConditions(DirectoryQuery query, MapSqlParameterSource params, String alias,
			WordForm form, String wordsId) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.organizations(alias, params));
		boolean driven = words(query.q(), params, where, wordsId, "organization_search_token", "organization_id", "",
				form);
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
		return new Conditions(where.toString(), driven);
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

	private static boolean hasWords(@Nullable String q) {
		return q != null && !TextFolding.words(q).isEmpty();
	}

	/**
	 * One token-range condition per word; {@code firstMore} adds conditions on the first
	 * word's token rows, alias {@code t0}; {@code form} says how each is written. Returns
	 * whether the first word's token rows are expected joined as {@code t0}
	 * ({@link WordForm#DRIVE} with at least one word).
	 */
	private static boolean words(@Nullable String q, MapSqlParameterSource params, StringBuilder where, String idColumn,
			String tokenTable, String tokenIdColumn, String firstMore, WordForm form) {
		if (q == null || q.isBlank()) {
			return false;
		}
		List<String> words = TextFolding.words(q).stream().distinct().limit(MAX_WORDS).toList();
		if (form == WordForm.JOINED && !words.isEmpty()) {
			joined(words, params, where, idColumn, tokenTable, tokenIdColumn, firstMore);
			return false;
		}
		for (int i = 0; i < words.size(); i++) {
			String t = "t" + i;
			// folded words hold only letters and digits, so they need no LIKE escaping
			String condition = t + ".token " + (isPrefix(words.get(i)) ? "LIKE" : "=") + " :w" + i
					+ ((i == 0) ? firstMore.replace("{id}", "t0." + tokenIdColumn) : "");
			String match = " WHERE " + condition;
			if (form == WordForm.DRIVE && words.size() == 1) {
				where.append(" AND ").append(condition);
			}
			else if (form == WordForm.PROBE) {
				where.append(" AND (SELECT COUNT(*) FROM ")
					.append(tokenTable)
					.append(' ')
					.append(t)
					.append(match)
					.append(" AND ")
					.append(t)
					.append('.')
					.append(tokenIdColumn)
					.append(" = ")
					.append(idColumn)
					.append(") > 0");
			}
			else {
				where.append(" AND ")
					.append(idColumn)
					.append(" IN (SELECT ")
					.append(t)
					.append('.')
					.append(tokenIdColumn)
					.append(" FROM ")
					.append(tokenTable)
					.append(' ')
					.append(t)
					.append(match)
					.append(')');
			}
			params.addValue("w" + i, isPrefix(words.get(i)) ? words.get(i) + "%" : words.get(i));
		}
		if (words.isEmpty()) {
			// only punctuation: nothing can match
			where.append(" AND 1=0");
		}
		return form == WordForm.DRIVE && words.size() == 1;
	}

	/**
	 * The words as one set ({@link WordForm#JOINED}): each word's ids read from its token
	 * range alone (covering, in key order), joined to one another, and only the ids in
	 * every word checked by {@code firstMore} (the facets).
	 */
	private static void joined(List<String> words, MapSqlParameterSource params, StringBuilder where, String idColumn,
			String tokenTable, String tokenIdColumn, String firstMore) {
		where.append(" AND ").append(idColumn).append(" IN (SELECT a0.").append(tokenIdColumn).append(" FROM ");
		for (int i = 0; i < words.size(); i++) {
			String t = "t" + i;
			if (i > 0) {
				where.append(" JOIN ");
			}
			where.append("(SELECT DISTINCT ")
				.append(t)
				.append('.')
				.append(tokenIdColumn)
				.append(" FROM ")
				.append(tokenTable)
				.append(' ')
				.append(t)
				.append(" WHERE ")
				.append(t)
				.append(".token ")
				.append(isPrefix(words.get(i)) ? "LIKE" : "=")
				.append(" :w")
				.append(i)
				.append(") a")
				.append(i);
			if (i > 0) {
				where.append(" ON a")
					.append(i)
					.append('.')
					.append(tokenIdColumn)
					.append(" = a0.")
					.append(tokenIdColumn);
			}
			params.addValue("w" + i, isPrefix(words.get(i)) ? words.get(i) + "%" : words.get(i));
		}
		where.append(" WHERE 1=1").append(firstMore.replace("{id}", "a0." + tokenIdColumn)).append(')');
	}

	/**
	 * A query's conditions, and whether they expect the first word's token rows as t0.
	 */
	private record Conditions(String where, boolean driven) {
	}

	/** How a query word's condition is written. */
	private enum WordForm {

		/** The ids of the word's token rows, a set read whole before the page. */
		SET,

		/**
		 * A correlated count of the record's own tokens, checked per record along the
		 * page's sort order by the token table's id index (never flattened into a join,
		 * so the walk stops after the page).
		 */
		PROBE,

		/**
		 * A single word's token rows joined as t0 and read in key order (the capped
		 * count). With several words they stay sets, so that the optimizer starts from
		 * the rarer one: driven by "maria", "maria kow" read 26,642 keys at full size, as
		 * sets 8,690.
		 */
		DRIVE,

		/**
		 * The words' sets read whole and joined to one another, then checked against the
		 * records as one set of ids (see {@link DirectorySearch#joined}): every token
		 * entry is read in key order from the token index alone, never one look-up per
		 * record or per entry. MariaDB then walks a name index and checks each name
		 * against that set in memory (issue 20: two short words with a type filter or a
		 * country, 1-2 s with a set per word or a probe per walked name, 0.1-0.2 s so).
		 */
		JOINED

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

	/** The page's rows, and above the cap one more to know whether a next page exists. */
	private static String page(Pageable pageable, boolean exact, MapSqlParameterSource params) {
		params.addValue("limit", pageable.getPageSize() + (exact ? 0 : 1));
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
