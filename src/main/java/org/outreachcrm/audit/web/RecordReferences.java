package org.outreachcrm.audit.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.stereotype.Component;

/**
 * Names the records and people a page of history or of the audit log refers to: which
 * kind of record a column or an audited entity is, the names of all of them with one
 * query per kind (from each module's {@link RecordNames}, as the viewer may see them),
 * and their pages. A record that is gone or outside the viewer's countries has no name
 * here; the sentences then say so.
 */
@Component
class RecordReferences {

	// column -> the kind of record it refers to
	private static final Map<String, String> REFERENCES = Map.ofEntries(Map.entry("organization_id", "organization"),
			Map.entry("contact_id", "contact"), Map.entry("contacts", "contact"), Map.entry("targets", "organization"),
			Map.entry("staff_id", "user"), Map.entry("assignee_id", "user"), Map.entry("completed_by", "user"),
			Map.entry("organizer_id", "user"), Map.entry("owner_id", "user"), Map.entry("user_id", "user"),
			Map.entry("campaign_id", "campaign"), Map.entry("meeting_id", "meeting"),
			Map.entry("interaction_id", "interaction"), Map.entry("completion_interaction_id", "interaction"));

	private static final Map<String, String> PATHS = Map.of("organization", "/organizations/", "contact", "/contacts/",
			"campaign", "/campaigns/", "meeting", "/meetings/", "interaction", "/interactions/", "follow_up",
			"/follow-ups/");

	private static final Map<AuditedEntity, String> KINDS = Map.of(AuditedEntity.ORGANIZATION, "organization",
			AuditedEntity.CONTACT, "contact", AuditedEntity.INTERACTION, "interaction", AuditedEntity.FOLLOW_UP,
			"follow_up", AuditedEntity.CAMPAIGN, "campaign", AuditedEntity.MEETING, "meeting", AuditedEntity.USER,
			"user", AuditedEntity.AFFILIATION, "affiliation");

	private final List<RecordNames> names;

	private final ViewFormats formats;

	RecordReferences(List<RecordNames> names, ViewFormats formats) {
		this.names = names;
		this.formats = formats;
	}

	/** The kind of record an audited entity is ({@code organization}, ...), if named. */
	static @Nullable String kind(AuditedEntity entity) {
		return KINDS.get(entity);
	}

	/** The kind of record a column refers to, if it is a reference. */
	static @Nullable String referenceKind(String column) {
		return REFERENCES.get(column);
	}

	/** The ids a stored reference value holds ("12" or "12, 15"); none for other text. */
	static Collection<Long> ids(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		Arrays.stream(value.split(",")).map(String::strip).forEach((part) -> {
			try {
				ids.add(Long.valueOf(part));
			}
			catch (NumberFormatException ex) {
				// not an id: nothing to name
			}
		});
		return ids;
	}

	/** The records to name, collected by kind, and the people by login name. */
	static final class Wanted {

		private final Map<String, Set<Long>> records = new HashMap<>();

		private final Set<String> usernames = new HashSet<>();

		void user(String username) {
			this.usernames.add(username);
		}

		void record(@Nullable String kind, Collection<Long> ids) {
			if (kind != null) {
				this.records.computeIfAbsent(kind, (k) -> new HashSet<>()).addAll(ids);
			}
		}

	}

	/** Names everything {@code wanted} holds, one query per kind. */
	Known resolve(Wanted wanted) {
		Map<String, Map<Long, String>> known = new HashMap<>();
		Map<String, String> people = new HashMap<>();
		for (RecordNames source : this.names) {
			people.putAll(source.userNames(wanted.usernames));
			for (String kind : source.kinds()) {
				Set<Long> ids = wanted.records.get(kind);
				if (ids != null) {
					known.computeIfAbsent(kind, (k) -> new HashMap<>()).putAll(source.names(kind, ids));
				}
			}
		}
		return new Known(people, known);
	}

	/** The names of one page's references. */
	final class Known {

		private final Map<String, String> people;

		private final Map<String, Map<Long, String>> records;

		Known(Map<String, String> people, Map<String, Map<Long, String>> records) {
			this.people = people;
			this.records = records;
		}

		/** A user by display name; the login name when no account has it. */
		String who(String username) {
			String name = this.people.get(username);
			return (name == null || name.isBlank()) ? username : name;
		}

		/**
		 * The record's name as people read it (an erased person's in their language);
		 * null when it is gone or outside the viewer's countries.
		 */
		@Nullable String name(@Nullable String kind, long id) {
			String name = (kind == null) ? null : this.records.getOrDefault(kind, Map.of()).get(id);
			if (name == null || name.isBlank()) {
				return null;
			}
			return "contact".equals(kind) ? person(name) : name;
		}

		/** The record's page, when it has one and a name (it exists and may be seen). */
		@Nullable String path(@Nullable String kind, long id) {
			return (kind == null || !PATHS.containsKey(kind) || name(kind, id) == null) ? null : PATHS.get(kind) + id;
		}

	}

	private String person(String name) {
		String shown = this.formats.person(name);
		return (shown == null) ? name : shown;
	}

}
