package org.outreachcrm.outreach;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the interaction list; {@code from} inclusive, {@code to} exclusive;
 * {@code staffId} the staff member who had the interaction.
 */
public record InteractionQuery(@Nullable Long organizationId, @Nullable Long contactId, @Nullable Long campaignId,
		@Nullable InteractionType type, @Nullable Instant from, @Nullable Instant to, @Nullable Long staffId) {

	public InteractionQuery(@Nullable Long organizationId, @Nullable Long contactId, @Nullable Long campaignId,
			@Nullable InteractionType type, @Nullable Instant from, @Nullable Instant to) {
		this(organizationId, contactId, campaignId, type, from, to, null);
	}

}
