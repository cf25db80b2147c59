package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code outreach_organization}: since when the module knows an organization and
 * when it was last contacted. "Going cold" reads it by index instead of grouping every
 * interaction.
 */
@Component
class OrganizationActivity {

	private final NamedParameterJdbcTemplate jdbc;

	OrganizationActivity(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an organization the first time the module hears of it. */
	void known(long organizationId, Instant since) {
		// look-then-insert: portable between H2 and MySQL without vendor upsert syntax
		MapSqlParameterSource params = new MapSqlParameterSource("id", organizationId).addValue("since", utc(since));
		Long known = this.jdbc.queryForObject("SELECT COUNT(*) FROM outreach_organization WHERE organization_id = :id",
				params, Long.class);
		if (known == null || known == 0) {
			this.jdbc.update("INSERT INTO outreach_organization (organization_id, known_since, last_interaction_at) "
					+ "VALUES (:id, :since, NULL)", params);
		}
	}

	/**
	 * Recomputes the last interaction of an organization after an interaction was logged,
	 * moved or removed (an index-only read of its newest interaction).
	 */
	void refresh(long organizationId, Instant knownSince) {
		known(organizationId, knownSince);
		this.jdbc.update("""
				UPDATE outreach_organization SET last_interaction_at =
				(SELECT MAX(i.occurred_at) FROM interaction i WHERE i.organization_id = :id)
				WHERE organization_id = :id""", Map.of("id", organizationId));
	}

	/**
	 * Records newly logged interactions: the last interaction can only move forward, so
	 * one update per organization does it (no look-up of the newest interaction), sent as
	 * one batch in organization order (concurrent writers lock rows in the same order).
	 * The update matches the organization's row whether or not the time moves (JDBC
	 * counts matched rows on H2 and on MySQL, where Connector/J asks for found rows), so
	 * only an organization the module does not know yet costs more statements.
	 */
	void logged(List<Contact> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		Map<Long, Contact> latest = new TreeMap<>();
		for (Contact contact : contacts) {
			latest.merge(contact.organizationId(), contact, (a, b) -> a.occurredAt().isBefore(b.occurredAt()) ? b : a);
		}
		List<Contact> ordered = List.copyOf(latest.values());
		String forward = """
				UPDATE outreach_organization SET last_interaction_at = CASE
				WHEN last_interaction_at IS NULL OR last_interaction_at < :at THEN :at ELSE last_interaction_at END
				WHERE organization_id = :id""";
		MapSqlParameterSource[] params = ordered.stream()
			.map((c) -> new MapSqlParameterSource("id", c.organizationId()).addValue("at", utc(c.occurredAt())))
			.toArray(MapSqlParameterSource[]::new);
		int[] matched = (params.length == 1) ? new int[] { this.jdbc.update(forward, params[0]) }
				: this.jdbc.batchUpdate(forward, params);
		for (int i = 0; i < matched.length; i++) {
			// 0: not known yet (or a driver that counts changed rows only: then known()
			// finds the row and the update changes nothing again); SUCCESS_NO_INFO: known
			if (matched[i] == 0) {
				Contact contact = ordered.get(i);
				known(contact.organizationId(), contact.knownSince());
				this.jdbc.update(forward, params[i]);
			}
		}
	}

	/** An interaction with an organization known since {@code knownSince}. */
	record Contact(long organizationId, Instant knownSince, Instant occurredAt) {
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(LocalDateTime utc) {
		return utc.toInstant(ZoneOffset.UTC);
	}

}
