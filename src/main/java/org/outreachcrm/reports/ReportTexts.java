package org.outreachcrm.reports;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.DateFormats;

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

	/**
	 * A day in the language's medium form ("7 Nov 2026", "7 lis 2026", "7 nov. 2026"):
	 * one form per language that reads the same everywhere, unlike "11/7/26".
	 */
	public String date(LocalDate day, Locale locale) {
		return DateFormats.date(day, locale);
	}

	/** "7 Nov 2026 – 13 Nov 2026". */
	public String period(ReportFilter filter, Locale locale) {
		return period(filter.from(), filter.to(), locale);
	}

	/** The period from the first to the last day, both in the language's medium form. */
	public String period(LocalDate from, LocalDate to, Locale locale) {
		return date(from, locale) + " – " + date(to, locale);
	}

	/** The countries a report covers, as asked and as the scope allows, by name. */
	public String countries(ReportFilter filter, CountryScope scope, Locale locale) {
		if (!filter.countries().isEmpty()) {
			return names(filter.countries(), locale);
		}
		return scope.all() ? get("summary.allCountries", locale) : names(scope.countries(), locale);
	}

	private static String names(java.util.Collection<String> codes, Locale locale) {
		return new TreeSet<>(codes).stream()
			.map((code) -> Countries.displayName(code, locale) + " (" + code + ")")
			.collect(Collectors.joining(", "));
	}

	/**
	 * A value of a code column in words: organization and interaction types and stages by
	 * their names, countries by their names with the code beside; free text stays as it
	 * is.
	 */
	public String code(ReportColumn column, String value, Locale locale) {
		if (column.kind() != ReportColumn.Kind.CODE) {
			return value;
		}
		if (column.key().equals("country")) {
			String name = Countries.displayName(value, locale);
			return name.equals(value) ? value : name + " (" + value + ")";
		}
		String prefix = switch (column.key()) {
			case "organizationType" -> "OrganizationType.";
			case "interactionType" -> "InteractionType.";
			case "stage" -> "PartnershipStage.";
			default -> null;
		};
		return prefix == null ? value : this.messages.getMessage(prefix + value, null, value, locale);
	}

	/**
	 * The label of a table's first cell: a value in words, or what an empty one stands
	 * for ("No campaign", "No country"...); empty when nothing is known.
	 */
	public String label(ReportColumn column, @Nullable Object value, Locale locale) {
		if (value == null) {
			return this.messages.getMessage("reports.none." + column.key(), null, "", locale);
		}
		if (value instanceof LocalDate day) {
			return date(day, locale);
		}
		return code(column, String.valueOf(value), locale);
	}

	/**
	 * A figure as the reader sees it: a change is signed ("+25", "-3", "0") and followed
	 * by its share of the previous period, or by "new" when that period had none.
	 */
	public String figure(ReportData data, ReportFigure figure, Locale locale) {
		NumberFormat integer = NumberFormat.getIntegerInstance(locale);
		String base = ReportFigures.baseOf(figure.key());
		if (base == null) {
			return integer.format(figure.value());
		}
		String signed = (figure.value() > 0 ? "+" : "") + integer.format(figure.value());
		long previous = data.figure(base);
		if (previous == 0) {
			return figure.value() == 0 ? signed : signed + " (" + get("figure.new", locale) + ")";
		}
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		percent.setMaximumFractionDigits(1);
		double share = (double) figure.value() / previous;
		return signed + " (" + (share > 0 ? "+" : "") + percent.format(share) + ")";
	}

}
