package org.outreachcrm.imports.reading;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * How cell values become text, the same for every format: trimmed of every kind of space,
 * numbers in plain notation so phone numbers and postal codes survive, dates as ISO
 * dates.
 */
final class CellText {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private CellText() {
	}

	/**
	 * Trims white space including non-breaking and other Unicode spaces and zero-width
	 * characters that copy-paste from web pages leaves behind.
	 */
	static String clean(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isBlank(text.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
				|| Character.isISOControl(c);
	}

	/**
	 * A number as typed: 48601234567 rather than 4.8601234567E10, 12 rather than 12.0.
	 */
	static String plainNumber(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "";
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** A time of day from an Excel day fraction, to the minute: 0.4375 is "10:30". */
	static String timeOfDay(double dayFraction) {
		long minutes = Math.round(dayFraction * 24 * 60) % (24 * 60);
		return LocalTime.of((int) (minutes / 60), (int) (minutes % 60)).toString();
	}

	/** A date, or a date and time when the time of day is not midnight. */
	static String dateTime(LocalDateTime value) {
		if (value.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return value.toLocalDate().toString();
		}
		return value.format(DATE_TIME);
	}

}
