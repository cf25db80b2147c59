package org.outreachcrm.testsupport;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.outreachcrm.directory.SearchIndex;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the search rows of some people and organizations (tokens, and people's
 * facets) are exactly what rebuilding them from the stored records writes: whatever path
 * wrote them (import, undo, merge, erasure, edit) kept the index consistent.
 */
public final class SearchIndexCheck {

	private SearchIndexCheck() {
	}

	/**
	 * Fails when a row is missing, stale or left over; records that no longer exist must
	 * have no rows at all.
	 */
	public static void assertConsistent(NamedParameterJdbcTemplate jdbc, SearchIndex index, Collection<Long> contactIds,
			Collection<Long> organizationIds) {
		if (!contactIds.isEmpty()) {
			List<String> tokens = contactTokens(jdbc, contactIds);
			List<String> facets = facets(jdbc, contactIds);
			index.reindexContacts(contactIds);
			assertThat(tokens).as("people's tokens as a rebuild writes them")
				.containsExactlyElementsOf(contactTokens(jdbc, contactIds));
			assertThat(facets).as("people's facets as a rebuild writes them")
				.containsExactlyElementsOf(facets(jdbc, contactIds));
			List<Long> gone = jdbc.queryForList("""
					SELECT t.contact_id FROM contact_search_token t WHERE t.contact_id IN (:ids)
					  AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.id = t.contact_id)""", Map.of("ids", contactIds),
					Long.class);
			assertThat(gone).as("tokens of people who no longer exist").isEmpty();
		}
		if (!organizationIds.isEmpty()) {
			List<String> tokens = organizationTokens(jdbc, organizationIds);
			index.reindexOrganizations(organizationIds);
			assertThat(tokens).as("organizations' tokens as a rebuild writes them")
				.containsExactlyElementsOf(organizationTokens(jdbc, organizationIds));
			List<Long> gone = jdbc.queryForList("""
					SELECT t.organization_id FROM organization_search_token t WHERE t.organization_id IN (:ids)
					  AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = t.organization_id)""",
					Map.of("ids", organizationIds), Long.class);
			assertThat(gone).as("tokens of organizations that no longer exist").isEmpty();
		}
	}

	private static List<String> contactTokens(NamedParameterJdbcTemplate jdbc, Collection<Long> ids) {
		return jdbc.query(
				"SELECT contact_id, token FROM contact_search_token WHERE contact_id IN (:ids)"
						+ " ORDER BY contact_id, token",
				Map.of("ids", ids), (rs, n) -> rs.getLong(1) + " " + rs.getString(2));
	}

	private static List<String> facets(NamedParameterJdbcTemplate jdbc, Collection<Long> ids) {
		return jdbc.query("""
				SELECT contact_id, organization_type, organization_stage, affiliated_until FROM contact_search_facet
				WHERE contact_id IN (:ids) ORDER BY contact_id, organization_type, organization_stage""",
				Map.of("ids", ids),
				(rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
	}

	private static List<String> organizationTokens(NamedParameterJdbcTemplate jdbc, Collection<Long> ids) {
		return jdbc.query(
				"SELECT organization_id, token FROM organization_search_token WHERE organization_id IN (:ids)"
						+ " ORDER BY organization_id, token",
				Map.of("ids", ids), (rs, n) -> rs.getLong(1) + " " + rs.getString(2));
	}

}
