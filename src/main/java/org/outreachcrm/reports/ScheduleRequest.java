package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as managers create or change it.
 *
 * @param period LAST_WEEK, LAST_MONTH or QUARTER, counted back from the day it fires
 * @param frequency DAILY, WEEKLY (on {@code dayOfWeek}), MONTHLY (on {@code dayOfMonth},
 * 1 to 28) at {@code time} (HH:mm), or CRON ({@code cron}, Spring's six fields)
 * @param timeZone IANA zone the times are meant in
 * @param recipients email addresses the workbook goes to (may be empty: history only)
 * @param version the version a change is based on; required when updating
 */
public record ScheduleRequest(@NotBlank @Size(max = 200) String name, @NotNull ReportType type,
		@NotNull ReportPeriod period,
		@Nullable @Size(max = 250) List<@Pattern(regexp = "[A-Za-z]{2}") String> countries, @Nullable Long campaignId,
		@NotNull ScheduleFrequency frequency, @Nullable @Size(max = 120) String cron, @Nullable DayOfWeek dayOfWeek,
		@Nullable @Min(1) @Max(28) Integer dayOfMonth,
		@Nullable @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String time, @NotBlank @Size(max = 64) String timeZone,
		@Nullable @Size(max = 50) List<@NotBlank @Email @Size(max = 320) String> recipients, boolean skipWhenEmpty,
		boolean enabled, @Nullable Long version) {

}
