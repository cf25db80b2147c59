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

}
