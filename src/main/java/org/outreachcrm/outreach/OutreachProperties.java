package org.outreachcrm.outreach;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outreach module ({@code crm.outreach.*}).
 *
 * @param coldAfterDays an organization with no interaction for this many days is "going
 * cold"
 */
@Validated
@ConfigurationProperties("crm.outreach")
record OutreachProperties(@DefaultValue("90") @Min(1) int coldAfterDays) {
}
