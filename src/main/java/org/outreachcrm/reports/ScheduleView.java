package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A schedule as the API and the list show it, with its cron (also for picker schedules),
 * when it fires next and the outcome of its last firing.
 */
public record ScheduleView(long id, String name, ReportType type, ReportPeriod period, List<String> countries,
		@Nullable Long campaignId, ScheduleFrequency frequency, String cron, @Nullable DayOfWeek dayOfWeek,
		@Nullable Integer dayOfMonth, @Nullable String time, String timeZone, List<String> recipients,
		boolean skipWhenEmpty, boolean enabled, long ownerId, @Nullable Instant nextRunAt, @Nullable String lastOutcome,
		long version) {

	/** The next run as the schedule's local date and time ("2026-01-12 08:30"). */
	public @Nullable String nextRunLocal() {
		return this.nextRunAt == null ? null : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(this.nextRunAt.atZone(java.time.ZoneId.of(this.timeZone)));
	}

}
