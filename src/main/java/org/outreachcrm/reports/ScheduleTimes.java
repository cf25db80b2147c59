package org.outreachcrm.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;

/**
 * Turns the friendly picker into a Spring cron expression and checks cron expressions and
 * zones, so that a schedule that could not fire is refused when it is saved.
 */
final class ScheduleTimes {

	private ScheduleTimes() {
	}

	/** The cron the request stands for; refuses what cannot be parsed. */
	static String cronOf(ScheduleRequest request) {
		zone(request.timeZone());
		if (request.frequency() == ScheduleFrequency.CRON) {
			String cron = request.cron() == null ? "" : request.cron().strip();
			if (!CronExpression.isValidExpression(cron)) {
				throw new InvalidScheduleException("cron", "reports.error.cron",
						"Not a valid cron expression (six fields: second minute hour day month weekday)", cron);
			}
			return cron;
		}
		if (request.time() == null) {
			throw new InvalidScheduleException("time", "reports.error.time", "Give the time of day (HH:mm)");
		}
		String[] hm = request.time().split(":");
		String at = "0 " + Integer.parseInt(hm[1]) + " " + Integer.parseInt(hm[0]) + " ";
		return switch (request.frequency()) {
			case DAILY -> at + "* * *";
			case WEEKLY -> {
				if (request.dayOfWeek() == null) {
					throw new InvalidScheduleException("dayOfWeek", "reports.error.dayOfWeek",
							"Choose the day of the week");
				}
				yield at + "* * "
						+ request.dayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
			}
			case MONTHLY -> {
				if (request.dayOfMonth() == null) {
					throw new InvalidScheduleException("dayOfMonth", "reports.error.dayOfMonth",
							"Choose the day of the month (1 to 28)");
				}
				yield at + request.dayOfMonth() + " * *";
			}
			case CRON -> throw new IllegalStateException();
		};
	}

	static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new InvalidScheduleException("timeZone", "reports.error.timeZone", "Unknown time zone", timeZone);
		}
	}

	/**
	 * The first slot strictly after {@code after}, in the schedule's zone; null if none.
	 */
	static @Nullable ZonedDateTime next(String cron, String timeZone, Instant after) {
		return CronExpression.parse(cron).next(after.atZone(ZoneId.of(timeZone)));
	}

	/**
	 * The latest slot after {@code after} and not after {@code now}: slots missed while
	 * no instance was running collapse into the most recent one.
	 */
	static @Nullable ZonedDateTime due(String cron, String timeZone, Instant after, Instant now) {
		CronExpression expression = CronExpression.parse(cron);
		ZonedDateTime slot = expression.next(after.atZone(ZoneId.of(timeZone)));
		if (slot == null || slot.toInstant().isAfter(now)) {
			return null;
		}
		for (int i = 0; i < 100_000; i++) {
			ZonedDateTime following = expression.next(slot);
			if (following == null || following.toInstant().isAfter(now)) {
				break;
			}
			slot = following;
		}
		return slot;
	}

}
