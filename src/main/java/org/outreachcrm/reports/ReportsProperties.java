package org.outreachcrm.reports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reports module ({@code crm.reports.*}); defaults and comments in
 * application.yml.
 *
 * @param directory where generated workbooks are stored (server-chosen names only)
 * @param threads reports computed at the same time
 * @param queueCapacity runs waiting for a thread; beyond it a request fails at once
 * @param coldAfterDays an organization without interaction for this long is going cold
 * @param tickCron when the scheduler looks for due schedules and deliveries to retry
 * @param lockAtMostFor how long a schedule slot's cluster-wide lock is held at most
 * @param resumeInterval how often runs left unfinished by a stopped instance are looked
 * for
 * @param claimTimeout how long after its instance died a run's claim expires (its holder
 * keeps it alive while it works)
 * @param mail delivery by email
 * @param allowedRecipientDomains domains (with their subdomains) whose addresses may
 * receive scheduled reports besides the users' own addresses
 */
@Validated
@ConfigurationProperties("crm.reports")
public record ReportsProperties(@DefaultValue("reports") @NotNull Path directory,
		@DefaultValue("2") @Min(1) int threads, @DefaultValue("50") @Min(1) int queueCapacity,
		@DefaultValue("90") @Min(1) int coldAfterDays, @DefaultValue("0 * * * * *") @NotBlank String tickCron,
		@DefaultValue("10m") @NotNull Duration lockAtMostFor, @DefaultValue("60s") @NotNull Duration resumeInterval,
		@DefaultValue("2m") @NotNull @DurationMin(seconds = 30) Duration claimTimeout,
		@DefaultValue @Valid @NotNull Mail mail, @DefaultValue @NotNull List<String> allowedRecipientDomains) {

	/**
	 * @param from the sender address of report emails
	 * @param maxAttempts attempts to deliver one run before giving up
	 * @param retryBackoff wait before the second attempt, doubled before each next one
	 */
	public record Mail(@DefaultValue("reports@outreach-crm.invalid") @NotBlank String from,
			@DefaultValue("3") @Min(1) int maxAttempts, @DefaultValue("5m") @NotNull Duration retryBackoff) {
	}

}
