package org.outreachcrm.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditTrail;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a person to export or erase lies within the caller's country scope; 404 when
 * not, as for every other record (docs/security.md, "A scoped admin"). A living person by
 * the directory's own rule (the scoped read). A person deleted earlier has no row to
 * apply it to, so by what the history last knew: their last recorded country, or an
 * affiliation they ever had with an organization whose country (its current one, or its
 * last recorded one when it is deleted too) is in the scope.
 *
 * Reads the history tables and {@code contact}/{@code organization} with SQL: the same
 * deliberate exception as the scope rules themselves (docs/architecture.md), for reading
 * only.
 */
@Component
class ErasureScope {

	private final Contacts contacts;

	private final AuditTrail auditTrail;

	private final CurrentScope scope;

	private final JdbcClient jdbc;

	ErasureScope(Contacts contacts, AuditTrail auditTrail, CurrentScope scope, JdbcClient jdbc) {
		this.contacts = contacts;
		this.auditTrail = auditTrail;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/** Refuses (404) a person outside the caller's scope, living or deleted. */
	void check(long contactId) {
		CountryScope caller = this.scope.get();
		if (caller.all() || this.contacts.exists(contactId)) {
			// all countries, or a living person the scoped read finds
			return;
		}
		// not filtered: a living person outside the scope must not pass for a deleted one
		boolean living = this.jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ?")
			.param(contactId)
			.query(Long.class)
			.single() > 0;
		if (living || lastKnownCountries(contactId).stream().noneMatch(caller::includes)) {
			throw new NotFoundException("Contact", contactId);
		}
	}

	/**
	 * The countries a person belongs to by what the history knows (their country, and the
	 * countries of every organization they were ever affiliated with), distinct and
	 * sorted.
	 */
	List<String> countriesOf(long contactId) {
		return lastKnownCountries(contactId).stream().distinct().sorted().toList();
	}

	/**
	 * Whether the caller's scope covers one of these comma-separated countries; a log
	 * line without them (written before they were kept) only for an unscoped caller.
	 */
	boolean covers(@Nullable String countries) {
		CountryScope caller = this.scope.get();
		if (caller.all()) {
			return true;
		}
		return countries != null && Arrays.stream(countries.split(",")).anyMatch(caller::includes);
	}

	private List<String> lastKnownCountries(long contactId) {
		List<String> countries = new ArrayList<>();
		this.auditTrail.latestValues(AuditedEntity.CONTACT, contactId)
			.map((values) -> values.get("country"))
			.ifPresent((country) -> countries.add(String.valueOf(country)));
		countries.addAll(this.jdbc.sql("""
				SELECT CASE WHEN o.id IS NOT NULL THEN o.country ELSE
				  (SELECT oa.country FROM organization_aud oa WHERE oa.id = a.organization_id AND oa.country IS NOT NULL
				   ORDER BY oa.rev DESC LIMIT 1) END
				FROM (SELECT DISTINCT organization_id FROM affiliation_aud WHERE contact_id = ?) a
				LEFT JOIN organization o ON o.id = a.organization_id""")
			.param(contactId)
			.query(String.class)
			.list()
			.stream()
			.filter((country) -> country != null)
			.toList());
		return countries;
	}

}
