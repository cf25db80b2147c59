package org.outreachcrm.reports;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A report asked for on demand: the type and either a named period (counted back from
 * today) or {@code from} and {@code to} (both included).
 *
 * @param countries ISO alpha-2 codes; empty or null = every country of the caller's scope
 */
public record ReportRunRequest(@NotNull ReportType type, @Nullable ReportPeriod period, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable @Size(max = 250) List<@Pattern(regexp = "[A-Za-z]{2}") String> countries,
		@Nullable Long campaignId) {

}
