package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report run as the API and the history list show it.
 *
 * @param fileName the workbook's name once completed
 * @param message why a run failed or was skipped
 * @param scheduleId the schedule that fired it; null when run on demand
 * @param computedAt when a completed run counted its figures (its page shows those)
 */
public record ReportRunView(long id, ReportType type, LocalDate from, LocalDate to, List<String> countries,
		@Nullable Long campaignId, ReportRunStatus status, @Nullable String fileName, @Nullable String message,
		String requestedBy, @Nullable Long scheduleId, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, DeliveryStatus deliveryStatus, int deliveryAttempts,
		@Nullable Instant computedAt) {

}
