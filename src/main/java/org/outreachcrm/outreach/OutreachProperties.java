package org.outreachcrm.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outreach module ({@code crm.outreach.*}).
 *
 * @param coldAfterDays an organization with no interaction for this many days is "going
 * cold"
 * @param groupCommit how the API writes concurrently posted interactions
 */
@Validated
@ConfigurationProperties("crm.outreach")
record OutreachProperties(@DefaultValue("90") @Min(1) int coldAfterDays, @DefaultValue @Valid GroupCommit groupCommit) {

	/**
	 * Group commit of interactions posted to the API ({@link InteractionWriter}).
	 *
	 * @param enabled off: each request writes its interaction in a transaction of its own
	 * @param writers writer threads, each committing one group at a time: two let one
	 * group form and look up its references while the other commits
	 * @param maxGroup the most interactions one transaction writes
	 * @param queueCapacity requests waiting for a writer before further ones write on
	 * their own
	 */
	record GroupCommit(@DefaultValue("true") boolean enabled, @DefaultValue("2") @Min(1) @Max(16) int writers,
			@DefaultValue("50") @Min(1) @Max(1000) int maxGroup, @DefaultValue("1000") @Min(1) int queueCapacity) {
	}

}
