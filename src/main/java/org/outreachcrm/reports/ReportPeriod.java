package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Named periods, counted from a reference day (today, or the day a schedule fires): the
 * last 7 or 30 whole days before it, the month or quarter so far (up to and including the
 * day), the previous full week (Monday to Sunday), the previous calendar month, the
 * previous calendar quarter. CUSTOM takes the dates given. The order is the order of the
 * choices on the forms.
 */
public enum ReportPeriod {

	LAST_7_DAYS, LAST_30_DAYS, LAST_WEEK, THIS_MONTH, LAST_MONTH, THIS_QUARTER, QUARTER, CUSTOM;

	/** The first day of the period for {@code today}. */
	public LocalDate from(LocalDate today) {
		return switch (this) {
			case LAST_7_DAYS -> today.minusDays(7);
			case LAST_30_DAYS -> today.minusDays(30);
			case LAST_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
			case THIS_MONTH -> today.withDayOfMonth(1);
			case LAST_MONTH -> today.withDayOfMonth(1).minusMonths(1);
			case THIS_QUARTER -> quarterStart(today);
			case QUARTER -> quarterStart(today).minusMonths(3);
			case CUSTOM -> throw new IllegalStateException("a custom period has its own dates");
		};
	}

	/** The last day (inclusive) of the period for {@code today}. */
	public LocalDate to(LocalDate today) {
		return switch (this) {
			case LAST_7_DAYS, LAST_30_DAYS -> today.minusDays(1);
			case LAST_WEEK -> from(today).plusDays(6);
			case THIS_MONTH, THIS_QUARTER -> today;
			case LAST_MONTH -> today.withDayOfMonth(1).minusDays(1);
			case QUARTER -> quarterStart(today).minusDays(1);
			case CUSTOM -> throw new IllegalStateException("a custom period has its own dates");
		};
	}

	private static LocalDate quarterStart(LocalDate day) {
		int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
		return LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
	}

}
