package org.outreachcrm.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.outreachcrm.audit.AuditTrail;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.directory.Contacts;
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

	/** How many deleted people a search looks at before the scope is applied. */
	private static final int CANDIDATES = 200;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Contacts contacts;

	private final ErasureScope scope;

	DeletedPeople(JdbcClient jdbc, AuditTrail auditTrail, Contacts contacts, ErasureScope scope) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.contacts = contacts;
		this.scope = scope;
	}

	/** Newest deletion first, at most {@code limit}. */
	List<DeletedPerson> find(String text, int limit) {
		String lower = "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
		String folded = "%" + likeEscaped(TextFolding.key(text)) + "%";
		// a stream holds its result set open until it is closed
		try (Stream<Candidate> candidates = this.jdbc.sql("""
				SELECT c.id, MAX(r.revtstmp) FROM contact_aud c JOIN audit_revision r ON r.rev = c.rev
				WHERE c.revtype = 2
				  AND NOT EXISTS (SELECT 1 FROM contact x WHERE x.id = c.id)
				  AND NOT EXISTS (SELECT 1 FROM person_erasure e WHERE e.contact_id = c.id)
				  AND (c.id IN (SELECT a.id FROM contact_aud a WHERE LOWER(a.display_name) LIKE :lower
				                OR LOWER(a.given_name) LIKE :lower OR LOWER(a.family_name) LIKE :lower
				                OR a.name_key LIKE :folded)
				       OR c.id IN (SELECT m.contact_id FROM contact_email_aud m WHERE LOWER(m.email) LIKE :lower))
				GROUP BY c.id ORDER BY MAX(r.revtstmp) DESC, c.id DESC""")
			.param("lower", lower)
			.param("folded", folded)
			.query((rs, n) -> new Candidate(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))))
			.stream()) {
			return candidates.limit(CANDIDATES)
				.filter((candidate) -> this.scope.coversDeleted(candidate.id()))
				.limit(limit)
				.map(this::person)
				.toList();
		}
	}

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
