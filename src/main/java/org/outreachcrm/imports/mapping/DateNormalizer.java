package org.outreachcrm.imports.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as people type them into ISO dates ({@code yyyy-MM-dd}): 2026-03-12,
 * 12.03.2026, 12-03-2026, and 12/03/2026 or 03/12/2026 in the stated {@link DateOrder}.
 * Two-digit years are not guessed. Text that is not a date is kept as typed with a
 * warning.
 */
public final class DateNormalizer {

	private static final Pattern YEAR_FIRST = Pattern
		.compile("(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?");

	private static final Pattern DOTTED_OR_DASHED = Pattern.compile("(\\d{1,2})([.-])(\\d{1,2})\\2(\\d{4})\\.?");

	private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private final DateOrder order;

	public DateNormalizer(DateOrder order) {
		this.order = order;
	}

	/**
	 * Normalizes {@code text}.
	 * @param dateCell whether the cell was a date cell, whose text the reader already
	 * wrote as an ISO date (with a time when it had one)
	 */
	public NormalizedValue normalize(String text, boolean dateCell) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return NormalizedValue.valid("");
		}
		if (dateCell && trimmed.length() >= 10) {
			Optional<LocalDate> date = yearFirst(trimmed.substring(0, 10));
			if (date.isPresent()) {
				return NormalizedValue.valid(date.get().toString());
			}
		}
		Optional<LocalDate> date = yearFirst(trimmed).or(() -> dottedOrDashed(trimmed));
		if (date.isPresent()) {
			return NormalizedValue.valid(date.get().toString());
		}
		return slashed(trimmed)
			.orElseGet(() -> NormalizedValue.flagged(trimmed, MappingMessage.UNREADABLE_DATE, trimmed));
	}

	private static Optional<LocalDate> yearFirst(String text) {
		Matcher m = YEAR_FIRST.matcher(text);
		return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : Optional.empty();
	}

	// Dots and dashes with the year last are day first everywhere our users are.
	private static Optional<LocalDate> dottedOrDashed(String text) {
		Matcher m = DOTTED_OR_DASHED.matcher(text);
		return m.matches() ? date(m.group(4), m.group(3), m.group(1)) : Optional.empty();
	}

	private Optional<NormalizedValue> slashed(String text) {
		Matcher m = SLASHED.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		Optional<LocalDate> dayFirst = date(m.group(3), m.group(2), m.group(1));
		Optional<LocalDate> monthFirst = date(m.group(3), m.group(1), m.group(2));
		Optional<LocalDate> stated = (this.order == DateOrder.DAY_FIRST) ? dayFirst : monthFirst;
		if (stated.isPresent()) {
			return Optional.of(NormalizedValue.valid(stated.get().toString()));
		}
		if (this.order == DateOrder.MONTH_FIRST && dayFirst.isPresent()) {
			return Optional.of(NormalizedValue.flagged(dayFirst.get().toString(), MappingMessage.DATE_READ_DAY_FIRST,
					text, dayFirst.get().toString()));
		}
		if (this.order == DateOrder.DAY_FIRST && monthFirst.isPresent()) {
			return Optional.of(NormalizedValue.flagged(monthFirst.get().toString(),
					MappingMessage.DATE_READ_MONTH_FIRST, text, monthFirst.get().toString()));
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> date(String year, String month, String day) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
