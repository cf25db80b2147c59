package org.outreachcrm.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditTrail;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.directory.PersonErased;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What outreach holds about one person, for the personal-data export, and its part of an
 * erasure: the summaries and outcomes of the interactions with that person and the notes
 * of their follow-ups are cleared (now and in their history), and the person's names and
 * e-mails are redacted from those interactions' subjects. The interactions themselves
 * stay, so every count (by country, type, campaign, organization) is unchanged.
 */
@Service
@Transactional
public class PersonalOutreach {

	private final Interactions interactions;

	private final FollowUpRepository followUps;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	PersonalOutreach(Interactions interactions, FollowUpRepository followUps, NamedParameterJdbcTemplate jdbc,
			AuditTrail auditTrail, Clock clock) {
		this.interactions = interactions;
		this.followUps = followUps;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Every interaction with the person, newest first, in their own time zones. */
	@Transactional(readOnly = true)
	public List<InteractionView> interactionsOf(long contactId) {
		List<InteractionView> all = new ArrayList<>();
		InteractionQuery query = new InteractionQuery(null, contactId, null, null, null, null);
		Page<InteractionView> page;
		int number = 0;
		do {
			page = this.interactions.list(query, PageRequest.of(number++, 200), null);
			all.addAll(page.getContent());
		}
		while (page.hasNext());
		return all;
	}

	/** The follow-ups of the interactions with the person. */
	@Transactional(readOnly = true)
	public List<FollowUpView> followUpsOf(long contactId) {
		List<Long> ids = interactionIds(contactId);
		if (ids.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		return this.followUps.findByInteractionIdInOrderById(ids).stream().map((f) -> f.toView(today)).toList();
	}

	@EventListener
	void on(PersonErased event) {
		// interactions the person is linked to now, or ever was
		Set<Long> ids = new LinkedHashSet<>(interactionIds(event.contactId()));
		ids.addAll(this.auditTrail.everHeld(AuditedEntity.INTERACTION, "contacts", event.contactId()));
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.update("UPDATE interaction SET summary = NULL, outcome = NULL WHERE id IN (:ids)",
				Map.of("ids", ids));
		Map<String, @Nullable Object> cleared = new java.util.HashMap<>();
		cleared.put("summary", null);
		cleared.put("outcome", null);
		this.auditTrail.overwrite(AuditedEntity.INTERACTION, ids, cleared);
		for (String identifier : event.identifiers()) {
			this.jdbc.update("UPDATE interaction SET subject = REPLACE(subject, :text, :redacted) WHERE id IN (:ids)",
					Map.of("text", identifier, "redacted", PersonErased.REDACTED, "ids", ids));
			this.auditTrail.redact(AuditedEntity.INTERACTION, ids, "subject", identifier, PersonErased.REDACTED);
		}
		List<Long> followUpIds = this.jdbc.queryForList("SELECT id FROM follow_up WHERE interaction_id IN (:ids)",
				Map.of("ids", ids), Long.class);
		if (!followUpIds.isEmpty()) {
			this.jdbc.update("UPDATE follow_up SET note = NULL WHERE id IN (:ids)", Map.of("ids", followUpIds));
			Map<String, @Nullable Object> note = new java.util.HashMap<>();
			note.put("note", null);
			this.auditTrail.overwrite(AuditedEntity.FOLLOW_UP, followUpIds, note);
		}
	}

	private List<Long> interactionIds(long contactId) {
		return this.jdbc.queryForList("SELECT interaction_id FROM interaction_contact WHERE contact_id = :id",
				Map.of("id", contactId), Long.class);
	}

}
