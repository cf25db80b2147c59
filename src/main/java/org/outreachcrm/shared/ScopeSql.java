package org.outreachcrm.shared;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The current country scope as SQL predicates for JDBC reads: each method returns
 * {@code " AND (...)"} (nothing for a scope of all countries) and adds its parameters.
 * The conditions are those of {@link ScopeRules}, which the Hibernate filter applies to
 * JPA reads.
 */
@Component
public class ScopeSql {

	private final CurrentScope scope;

	ScopeSql(CurrentScope scope) {
		this.scope = scope;
	}

	/** Organizations: {@code alias} is the organization table's alias. */
	public String organizations(String alias, MapSqlParameterSource params) {
		return predicate(ScopeRules.ORGANIZATION, alias, params);
	}

	/** Contacts: {@code alias} is the contact table's alias. */
	public String contacts(String alias, MapSqlParameterSource params) {
		return predicate(ScopeRules.CONTACT, alias, params);
	}

	/** Rows of a table with an {@code organization_id} column. */
	public String byOrganization(String alias, MapSqlParameterSource params) {
		return predicate(ScopeRules.ORGANIZATION_ID, alias, params);
	}

	/** Meetings: {@code alias} is the meeting table's alias. */
	public String meetings(String alias, MapSqlParameterSource params) {
		return predicate(ScopeRules.MEETING, alias, params);
	}

	/**
	 * Rows of a table with an {@code organization_id} column that lie outside the scope,
	 * for writes that must not reach them: {@code " AND NOT (...)"}, and for a scope of
	 * all countries a condition no row meets.
	 */
	public String outsideByOrganization(String alias, MapSqlParameterSource params) {
		return outside(ScopeRules.ORGANIZATION_ID, alias, params);
	}

	/** Contacts outside the scope (see {@link #outsideByOrganization}). */
	public String outsideContacts(String alias, MapSqlParameterSource params) {
		return outside(ScopeRules.CONTACT, alias, params);
	}

	/** The scope in force now. */
	public CountryScope current() {
		return this.scope.get();
	}

	private String predicate(String condition, String alias, MapSqlParameterSource params) {
		CountryScope current = this.scope.get();
		if (current.all()) {
			return "";
		}
		params.addValue("scopeAll", "N");
		params.addValue("scopeCountries", countries(current));
		return " AND " + condition.replace("{alias}", alias);
	}

	private String outside(String condition, String alias, MapSqlParameterSource params) {
		CountryScope current = this.scope.get();
		if (current.all()) {
			return " AND 1 = 0";
		}
		params.addValue("scopeAll", "N");
		params.addValue("scopeCountries", countries(current));
		return " AND NOT " + condition.replace("{alias}", alias);
	}

	/**
	 * The scope's countries as a bind value; a placeholder no country code can equal when
	 * there are none, because {@code IN ()} is not SQL.
	 */
	static List<String> countries(CountryScope scope) {
		return scope.countries().isEmpty() ? List.of("--") : List.copyOf(scope.countries());
	}

}
