package org.outreachcrm.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.audit.HistoryEntry.FieldChange;
import org.outreachcrm.audit.RevisionView;
import org.outreachcrm.shared.RecordNames;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words the history for people: each entry as a sentence naming who did what to which
 * record, each changed field by its label with its values as people read them (enum
 * values by their labels, references by name, moments in the viewer's zone), bookkeeping
 * columns left out. A referenced record that is gone or out of the viewer's countries is
 * named as such, never by its id.
 */
@Component
class HistoryText {

	// columns that only mirror another record or keep the books
	private static final Set<String> BOOKKEEPING = Set.of("country@INTERACTION", "country@FOLLOW_UP",
			"country@INVITATION", "organization_id@FOLLOW_UP", "name_key", "password_change_required");

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
			"user");

	private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final List<RecordNames> names;

	private final MessageSource messages;

	private final ViewFormats formats;

	HistoryText(List<RecordNames> names, MessageSource messages, ViewFormats formats) {
		this.names = names;
		this.messages = messages;
		this.formats = formats;
	}

	/** The entries as people read them, in the same order. */
	List<Line> lines(List<HistoryEntry> entries) {
		Map<String, Set<Long>> wanted = new HashMap<>();
		Set<String> usernames = new HashSet<>();
		for (HistoryEntry entry : entries) {
			usernames.add(entry.user());
			String kind = KINDS.get(entry.entity());
			if (kind != null) {
				wanted.computeIfAbsent(kind, (k) -> new HashSet<>()).add(entry.entityId());
			}
			for (FieldChange change : entry.changes()) {
				String kind2 = REFERENCES.get(change.field());
				if (kind2 != null) {
					Set<Long> ids = wanted.computeIfAbsent(kind2, (k) -> new HashSet<>());
					ids.addAll(ids(change.before()));
					ids.addAll(ids(change.after()));
				}
			}
		}
		Map<String, Map<Long, String>> known = new HashMap<>();
		Map<String, String> people = new HashMap<>();
		for (RecordNames source : this.names) {
			people.putAll(source.userNames(usernames));
			for (String kind : source.kinds()) {
				Set<Long> ids = wanted.get(kind);
				if (ids != null) {
					known.computeIfAbsent(kind, (k) -> new HashMap<>()).putAll(source.names(kind, ids));
				}
			}
		}
		List<Line> lines = new ArrayList<>(entries.size());
		for (HistoryEntry entry : entries) {
			lines.add(line(entry, known, people));
		}
		return lines;
	}

	/**
	 * Names for a page of the audit log: who by name, each touched record by name with
	 * its page, resolved with one query per kind.
	 */
	AuditWords audit(List<RevisionView> revisions) {
		Map<String, Set<Long>> wanted = new HashMap<>();
		Set<String> usernames = new HashSet<>();
		for (RevisionView revision : revisions) {
			usernames.add(revision.user());
			for (RevisionView.Touched touched : revision.records()) {
				String kind = KINDS.get(touched.entity());
				if (kind != null) {
					wanted.computeIfAbsent(kind, (k) -> new HashSet<>()).add(touched.id());
				}
			}
		}
		Map<String, Map<Long, String>> known = new HashMap<>();
		Map<String, String> people = new HashMap<>();
		for (RecordNames source : this.names) {
			people.putAll(source.userNames(usernames));
			for (String kind : source.kinds()) {
				Set<Long> ids = wanted.get(kind);
				if (ids != null) {
					known.computeIfAbsent(kind, (k) -> new HashMap<>()).putAll(source.names(kind, ids));
				}
			}
		}
		return new AuditWords(people, known);
	}

	/** The audit log's words: people by name, touched records as sentences. */
	final class AuditWords {

		private final Map<String, String> people;

		private final Map<String, Map<Long, String>> known;

		AuditWords(Map<String, String> people, Map<String, Map<Long, String>> known) {
			this.people = people;
			this.known = known;
		}

		/** A user by display name; the login name when no account has it. */
		public String who(String username) {
			return this.people.getOrDefault(username, username);
		}

		/** "Created the organization “Fundacja”"; a gone record named as such. */
		public String sentence(RevisionView.Touched touched) {
			String record = msg("history.noun." + touched.entity().name());
			String name = name(touched);
			return (name == null)
					? msg("audit.recordUnnamed." + touched.action().name(), record,
							msg((touched.action() == Action.DELETED) ? "history.record.deleted"
									: "history.record.hidden"))
					: msg("audit.record." + touched.action().name(), record, name);
		}

		/** The record's page, when it still exists and the viewer may see it. */
		public @Nullable String path(RevisionView.Touched touched) {
			String kind = KINDS.get(touched.entity());
			return (kind == null || !PATHS.containsKey(kind) || name(touched) == null) ? null
					: PATHS.get(kind) + touched.id();
		}

		private @Nullable String name(RevisionView.Touched touched) {
			String kind = KINDS.get(touched.entity());
			String name = (kind == null) ? null : this.known.getOrDefault(kind, Map.of()).get(touched.id());
			if (name == null || name.isBlank()) {
				return null;
			}
			return "contact".equals(kind) ? person(name) : name;
		}

	}

	private Line line(HistoryEntry entry, Map<String, Map<Long, String>> known, Map<String, String> people) {
		String who = people.getOrDefault(entry.user(), entry.user());
		String kind = KINDS.get(entry.entity());
		String name = (kind == null) ? null : known.getOrDefault(kind, Map.of()).get(entry.entityId());
		String record = msg("history.noun." + entry.entity().name());
		String shown = (name == null || name.isBlank()) ? null : ("contact".equals(kind) ? person(name) : name);
		String sentence = (shown == null)
				? msg("history.entryUnnamed." + entry.action().name(), who, record,
						msg((entry.action() == Action.DELETED) ? "history.record.deleted" : "history.record.hidden"))
				: msg("history.entry." + entry.action().name(), who, record, shown);
		String path = (shown == null || kind == null || !PATHS.containsKey(kind) || entry.action() == Action.DELETED)
				? null : PATHS.get(kind) + entry.entityId();
		List<Change> changes = new ArrayList<>();
		for (FieldChange change : entry.changes()) {
			if (BOOKKEEPING.contains(change.field())
					|| BOOKKEEPING.contains(change.field() + "@" + entry.entity().name())) {
				continue;
			}
			changes.add(change(entry.entity(), change, known));
		}
		String source = msg("history.source." + entry.source().name(), entry.sourceRef());
		return new Line(entry.at(), who, source, sentence, path, changes);
	}

	private Change change(AuditedEntity entity, FieldChange change, Map<String, Map<Long, String>> known) {
		String label = this.messages.getMessage("history.field." + change.field(), null, null,
				LocaleContextHolder.getLocale());
		if (label == null) {
			label = change.field().replace('_', ' ');
		}
		List<Link> links = new ArrayList<>();
		String before = value(entity, change.field(), change.before(), known, links);
		String after = value(entity, change.field(), change.after(), known, links);
		String text;
		if (before == null) {
			text = msg("history.change.set", label, after);
		}
		else if (after == null) {
			text = msg("history.change.cleared", label, before);
		}
		else {
			text = msg("history.change.changed", label, before, after);
		}
		return new Change(text, links);
	}

	/** A stored value as people read it; null when empty. */
	private @Nullable String value(AuditedEntity entity, String field, @Nullable String raw,
			Map<String, Map<Long, String>> known, List<Link> links) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String kind = REFERENCES.get(field);
		if (kind != null) {
			List<String> shown = new ArrayList<>();
			for (Long id : ids(raw)) {
				String name = known.getOrDefault(kind, Map.of()).get(id);
				if (name == null) {
					shown.add(msg("history.reference.gone." + kind));
				}
				else {
					String text = "contact".equals(kind) ? person(name) : name;
					shown.add(text);
					if (PATHS.containsKey(kind)) {
						links.add(new Link(text, PATHS.get(kind) + id));
					}
				}
			}
			return String.join(", ", shown);
		}
		String enumLabel = enumLabel(entity, field, raw);
		if (enumLabel != null) {
			return enumLabel;
		}
		if ("true".equals(raw) || "false".equals(raw)) {
			return msg("history.value." + raw);
		}
		if ("country".equals(field) && raw.length() == 2) {
			return this.formats.country(raw);
		}
		if (("preferred_language".equals(field)) && raw.length() <= 3) {
			return this.formats.language(raw);
		}
		if (MOMENT.matcher(raw).matches()) {
			// stored in UTC without a zone
			Instant at = LocalDateTime.parse(raw.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			return this.formats.instant(at);
		}
		if (DATE.matcher(raw).matches()) {
			return this.formats.date(LocalDate.parse(raw));
		}
		return raw;
	}

	private @Nullable String enumLabel(AuditedEntity entity, String field, String raw) {
		String prefix = switch (field) {
			case "type" -> switch (entity) {
				case ORGANIZATION -> "OrganizationType";
				case INTERACTION -> "InteractionType";
				default -> null;
			};
			case "direction" -> "Direction";
			case "stage" -> "PartnershipStage";
			case "status" -> switch (entity) {
				case INVITATION -> "InvitationStatus";
				case CAMPAIGN -> "CampaignStatus";
				default -> null;
			};
			case "consent_status" -> "ConsentStatus";
			case "consent_source" -> "ConsentSource";
			case "roles" -> "Role";
			default -> null;
		};
		if (prefix == null) {
			return null;
		}
		List<String> labels = new ArrayList<>();
		for (String code : raw.split(",\\s*")) {
			String label = this.messages.getMessage(prefix + "." + code.strip(), null, null,
					LocaleContextHolder.getLocale());
			labels.add((label == null) ? code : label);
		}
		return String.join(", ", labels);
	}

	private String person(String name) {
		String shown = this.formats.person(name);
		return (shown == null) ? name : shown;
	}

	private static Collection<Long> ids(@Nullable String value) {
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

	private String msg(String key, @Nullable Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** One entry as a sentence, with the record's page when it can be opened. */
	record Line(Instant at, String who, String source, String sentence, @Nullable String path, List<Change> changes) {
	}

	/** One changed field as a sentence, with the pages of the records it names. */
	record Change(String text, List<Link> links) {
	}

	/** A record named in a change, and its page. */
	record Link(String name, String path) {
	}

}
