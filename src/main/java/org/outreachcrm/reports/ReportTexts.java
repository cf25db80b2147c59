package org.outreachcrm.reports;

import java.util.Locale;

import org.outreachcrm.shared.CountryScope;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of reports (headers, titles, code names) in the reader's language. */
@Component
public class ReportTexts {

	private final MessageSource messages;

	ReportTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of {@code reports.<key>}, or the key when it has none. */
	public String get(String key, Locale locale) {
		return this.messages.getMessage("reports." + key, null, key, locale);
	}

	/** "2026-01-05 – 2026-01-11". */
	public String period(ReportFilter filter, Locale locale) {
		return filter.from() + " – " + filter.to();
	}

	/** The countries a report covers, as asked and as the scope allows. */
	public String countries(ReportFilter filter, CountryScope scope, Locale locale) {
		if (!filter.countries().isEmpty()) {
			return String.join(", ", filter.countries());
		}
		return scope.all() ? get("summary.allCountries", locale)
				: String.join(", ", new java.util.TreeSet<>(scope.countries()));
	}

	/**
	 * A value of a code column in words (organization and interaction types, stages);
	 * country codes and free text stay as they are.
	 */
	public String code(ReportColumn column, String value, Locale locale) {
		if (column.kind() != ReportColumn.Kind.CODE) {
			return value;
		}
		String prefix = switch (column.key()) {
			case "organizationType" -> "OrganizationType.";
			case "interactionType" -> "InteractionType.";
			case "stage" -> "PartnershipStage.";
			default -> null;
		};
		return prefix == null ? value : this.messages.getMessage(prefix + value, null, value, locale);
	}

}
