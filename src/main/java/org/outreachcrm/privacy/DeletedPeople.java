package org.outreachcrm.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.outreachcrm.audit.AuditTrail;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.TextFolding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds people deleted from the directory, and not erased yet, by a part of a name or an
 * e-mail address they had, from the history: a deleted person has no page, and the audit
 * log names records rather than showing their ids. Only people within the caller's
 * country scope (by {@link ErasureScope}'s rule for deleted people) are returned.
 *
 * Reads the history tables with SQL, as {@link ErasureScope} does, for reading only.
 */
@Component
class DeletedPeople {

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Contacts contacts;

	private final ErasureScope scope;

	private final CurrentScope currentScope;

	DeletedPeople(JdbcClient jdbc, AuditTrail auditTrail, Contacts contacts, ErasureScope scope,
			CurrentScope currentScope) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.contacts = contacts;
		this.scope = scope;
		this.currentScope = currentScope;
	}

	/**
	 * Newest deletion first, at most {@code limit}. The caller's scope is part of the
	 * query ({@link ErasureScope}'s rule for deleted people, in SQL): however many newer
	 * matches lie in other countries, those in the caller's are found.
	 */
	List<DeletedPerson> find(String text, int limit) {
		String lower = "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
		String folded = "%" + likeEscaped(TextFolding.key(text)) + "%";
		CountryScope caller = this.currentScope.get();
		boolean scoped = !caller.all();
		if (scoped && caller.countries().isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT c.id, MAX(r.revtstmp) FROM contact_aud c JOIN audit_revision r ON r.rev = c.rev
				WHERE c.revtype = 2
				  AND NOT EXISTS (SELECT 1 FROM contact x WHERE x.id = c.id)
				  AND NOT EXISTS (SELECT 1 FROM person_erasure e WHERE e.contact_id = c.id)
				  AND (c.id IN (SELECT a.id FROM contact_aud a WHERE LOWER(a.display_name) LIKE :lower
				                OR LOWER(a.given_name) LIKE :lower OR LOWER(a.family_name) LIKE :lower
				                OR a.name_key LIKE :folded)
				       OR c.id IN (SELECT m.contact_id FROM contact_email_aud m WHERE LOWER(m.email) LIKE :lower))
				""" + (scoped ? IN_SCOPE : "") + """
				GROUP BY c.id ORDER BY MAX(r.revtstmp) DESC, c.id DESC LIMIT :limit""")
			.param("lower", lower)
			.param("folded", folded)
			.param("countries", scoped ? List.copyOf(caller.countries()) : List.of("--"))
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))))
			.list()
			.stream()
			.map(this::person)
			.toList();
	}

	/**
	 * {@link ErasureScope}'s rule for a deleted person: the country of the last history
	 * row with the person's data, or the country of an organization they were ever
	 * affiliated with (its current one, or its last recorded one when it is deleted too).
	 */
	private static final String IN_SCOPE = """
			  AND ((SELECT l.country FROM contact_aud l WHERE l.id = c.id AND l.display_name IS NOT NULL
			        ORDER BY l.rev DESC LIMIT 1) IN (:countries)
			       OR EXISTS (SELECT 1 FROM affiliation_aud f LEFT JOIN organization o ON o.id = f.organization_id
			                  WHERE f.contact_id = c.id
			                    AND (CASE WHEN o.id IS NOT NULL THEN o.country ELSE
			                          (SELECT oa.country FROM organization_aud oa
			                           WHERE oa.id = f.organization_id AND oa.country IS NOT NULL
			                           ORDER BY oa.rev DESC LIMIT 1) END) IN (:countries)))
			""";

	private DeletedPerson person(Candidate candidate) {
		long id = candidate.id();
		List<String> emails = this.auditTrail.valuesEverHeld(AuditedEntity.CONTACT, "emails", id)
			.stream()
			.sorted()
			.toList();
		return new DeletedPerson(id, this.contacts.personToErase(id).displayName(), emails, candidate.deletedAt(),
				this.scope.countriesOf(id));
	}

	/** {@code %} and {@code _} typed by the admin are matched as themselves. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private record Candidate(long id, Instant deletedAt) {
	}

}
