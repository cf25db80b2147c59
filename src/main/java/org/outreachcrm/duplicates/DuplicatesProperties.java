package org.outreachcrm.duplicates;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of duplicate finding ({@code crm.duplicates.*}).
 *
 * @param chunkSize records (first step) and candidate pairs (second step) per scan
 * transaction
 * @param maxBlock a blocking key shared by more records than this is ignored: it says too
 * little, and those records meet through their other keys
 * @param maxWarnings possible duplicates named in a warning on save
 * @param resumeInterval how often an instance looks for scans a stopped instance left
 * @param claimTimeout how long a dead instance's claim on a scan lasts
 * @param scanOnStartUp whether an instance starts a full scan of a kind whose records
 * have no blocking keys (after V270, or a database filled around the application)
 */
@Validated
@ConfigurationProperties("crm.duplicates")
record DuplicatesProperties(@Min(10) @Max(50_000) int chunkSize, @Min(2) @Max(100_000) int maxBlock,
		@Min(1) @Max(50) int maxWarnings, @NotNull Duration resumeInterval, @NotNull Duration claimTimeout,
		boolean scanOnStartUp) {
}
