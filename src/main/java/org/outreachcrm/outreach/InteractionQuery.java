package org.outreachcrm.outreach;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filters of the interaction list; {@code from} inclusive, {@code to} exclusive. */
public record InteractionQuery(@Nullable Long organizationId, @Nullable Long contactId, @Nullable Long campaignId,
		@Nullable InteractionType type, @Nullable Instant from, @Nullable Instant to) {
}
