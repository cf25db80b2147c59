package org.outreachcrm.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cluster-wide locks ({@code crm.cluster.*}); defaults and comments in
 * application.yml.
 *
 * @param lockRetention how long after it expired a lock's row is kept in the
 * {@code shedlock} table (at least an hour: never a lock that is still held)
 * @param lockCleanupCron when expired lock rows are removed
 */
@Validated
@ConfigurationProperties("crm.cluster")
record ClusterProperties(@DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration lockRetention,
		@DefaultValue("0 40 3 * * *") @NotBlank String lockCleanupCron) {
}
