package org.outreachcrm.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.web.HistoryText.Link;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A stored column and its value as people read them: the field's label from the bundles,
 * enum values by their labels, yes/no, countries and languages by name, moments in the
 * viewer's zone and days as the language's date, references by name (or as gone).
 */
@Component
class HistoryValues {

	private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final MessageSource messages;

	private final ViewFormats formats;

	HistoryValues(MessageSource messages, ViewFormats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	/** The column's label ("Stage"); its name in words when the bundles have none. */
	String label(String field) {
		String label = this.messages.getMessage("history.field." + field, null, null, LocaleContextHolder.getLocale());
		return (label == null) ? field.replace('_', ' ') : label;
	}

	/**
	 * A stored value as people read it; null when empty. The pages of the records it
	 * names are added to {@code links}.
	 */
	@Nullable String value(AuditedEntity entity, String field, @Nullable String raw, RecordReferences.Known names,
			List<Link> links) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String kind = RecordReferences.referenceKind(field);
		if (kind != null) {
			List<String> shown = new ArrayList<>();
			for (Long id : RecordReferences.ids(raw)) {
				String name = names.name(kind, id);
				if (name == null) {
					shown.add(msg("history.reference.gone." + kind));
				}
				else {
					shown.add(name);
					String path = names.path(kind, id);
					if (path != null) {
						links.add(new Link(name, path));
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

	private String msg(String key, @Nullable Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
