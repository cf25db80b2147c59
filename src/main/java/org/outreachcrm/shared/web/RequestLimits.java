package org.outreachcrm.shared.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what a request may carry ({@code crm.requests.*}); defaults and comments in
 * application.yml, the whole list in docs/security.md ("Limits on what comes in").
 *
 * @param maxJsonBody largest request body of the JSON API, checked from
 * {@code Content-Length} before anything is read and counted while the body is read
 * @param maxJsonStringLength longest string value (in characters) the JSON parser accepts
 * @param maxJsonNestingDepth deepest nesting of arrays and objects the JSON parser
 * accepts
 * @param maxJsonNameLength longest property name the JSON parser accepts
 * @param maxJsonNumberLength longest number (in digits) the JSON parser accepts
 */
@Validated
@ConfigurationProperties("crm.requests")
public record RequestLimits(@DefaultValue("1MB") @NotNull DataSize maxJsonBody,
		@DefaultValue("100000") @Min(1000) int maxJsonStringLength, @DefaultValue("32") @Min(4) int maxJsonNestingDepth,
		@DefaultValue("200") @Min(50) int maxJsonNameLength, @DefaultValue("100") @Min(20) int maxJsonNumberLength) {
}
