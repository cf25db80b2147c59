package org.outreachcrm.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one date and the one date-and-time format of each language people read: the
 * language's medium date with the month as a word ("7 Dec 2026", "7 gru 2026", "7 dec.
 * 2026") and a 24-hour time, so no reader wonders whether 07/12 is July or December.
 */
public final class DateFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private DateFormats() {
	}

	/** A calendar day as the language's medium date. */
	public static String date(LocalDate day, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(formatting(locale)).format(day);
	}

	/** A wall-clock date and time: the medium date and the 24-hour time. */
	public static String dateTime(LocalDateTime local, Locale locale) {
		return date(local.toLocalDate(), locale) + ", " + TIME.format(local);
	}

	/**
	 * The locale whose medium date a language uses. English without a country takes the
	 * day-month-year order ("7 Dec 2026") the movement's other languages share, rather
	 * than the United States' "Dec 7, 2026", whose comma then collides with the time's.
	 */
	static Locale formatting(Locale locale) {
		return ("en".equals(locale.getLanguage()) && locale.getCountry().isEmpty()) ? Locale.UK : locale;
	}

}
