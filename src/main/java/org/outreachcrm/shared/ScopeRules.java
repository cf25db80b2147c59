package org.outreachcrm.shared;

/**
 * What "in the current country scope" means, as SQL conditions shared by the Hibernate
 * filter {@value #FILTER} (entities read through JPA) and {@link ScopeSql} (lists and
 * counts read with JDBC), so both paths apply the same rule. {@code {alias}} stands for
 * the table alias of the row being tested; {@code :scopeAll} is {@code 'Y'} for a scope
 * of all countries, {@code :scopeCountries} the visible countries.
 * <p>
 * The rules: an organization is visible when its country is in scope; a contact when its
 * own country is, or when it has an affiliation (current or ended) with a visible
 * organization; everything attached to an organization (affiliations, interactions,
 * follow-ups, invitations, stage history, activity) when that organization is visible
 * now; a meeting when it has no invitations yet or at least one invitation of a visible
 * organization. Records without a country are visible only with a scope of all countries.
 */
public final class ScopeRules {

	/** Name of the auto-enabled Hibernate filter declared in this package. */
	public static final String FILTER = "countryScope";

	static final String ALL = ":scopeAll = 'Y'";

	static final String VISIBLE_ORGANIZATIONS = "select so.id from organization so where so.country in (:scopeCountries)";

	/** An organization row. */
	public static final String ORGANIZATION = "(" + ALL + " or {alias}.country in (:scopeCountries))";

	/** A contact row: its own country, or an affiliation with a visible organization. */
	public static final String CONTACT = "(" + ALL + " or {alias}.country in (:scopeCountries) or {alias}.id in ("
			+ "select sa.contact_id from affiliation sa join organization sao on sao.id = sa.organization_id "
			+ "where sao.country in (:scopeCountries)))";

	/** A row with an {@code organization_id} column (affiliation, interaction, ...). */
	public static final String ORGANIZATION_ID = "(" + ALL + " or {alias}.organization_id in (" + VISIBLE_ORGANIZATIONS
			+ "))";

	/** A meeting row. */
	public static final String MEETING = "(" + ALL
			+ " or not exists (select 1 from invitation smi where smi.meeting_id = {alias}.id)"
			+ " or {alias}.id in (select si.meeting_id from invitation si where si.organization_id in ("
			+ VISIBLE_ORGANIZATIONS + ")))";

	private ScopeRules() {
	}

}
