package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The steps of a period's time series: days for up to 92 days, weeks (from Monday) for up
 * to two years, months beyond. Every step of the period is a row, with zero where nothing
 * happened, so a chart never joins points across empty days. A step is labelled by its
 * first day within the period (the first week or month may start with the period).
 *
 * @param unit {@code day}, {@code week} or {@code month}: the column's key
 */
record TimeBuckets(LocalDate from, LocalDate to, String unit) {

	static final String BY_DAY = "byDay";

	static final int MAX_DAYS = 92;

	static final int MAX_WEEKS_DAYS = 731;

	static TimeBuckets of(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		String unit = days <= MAX_DAYS ? "day" : days <= MAX_WEEKS_DAYS ? "week" : "month";
		return new TimeBuckets(from, to, unit);
	}

	/** {@code byDay}, {@code byWeek} or {@code byMonth}. */
	String tableKey() {
		return "by" + Character.toUpperCase(this.unit.charAt(0)) + this.unit.substring(1);
	}

	/** The first day of the step holding {@code day}, not before the period's start. */
	LocalDate stepOf(LocalDate day) {
		LocalDate start = switch (this.unit) {
			case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "month" -> day.withDayOfMonth(1);
			default -> day;
		};
		return start.isBefore(this.from) ? this.from : start;
	}

	private LocalDate next(LocalDate step) {
		return switch (this.unit) {
			case "week" -> step.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			case "month" -> step.withDayOfMonth(1).plusMonths(1);
			default -> step.plusDays(1);
		};
	}

	/** One row per step of the period: its first day and the sum of its days' counts. */
	List<List<@Nullable Object>> rows(Map<LocalDate, Long> perDay) {
		Map<LocalDate, Long> perStep = new java.util.HashMap<>();
		perDay.forEach((day, n) -> {
			if (!day.isBefore(this.from) && !day.isAfter(this.to)) {
				perStep.merge(stepOf(day), n, Long::sum);
			}
		});
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (LocalDate step = this.from; !step.isAfter(this.to); step = next(step)) {
			rows.add(List.of(step, perStep.getOrDefault(step, 0L)));
		}
		return rows;
	}

}
