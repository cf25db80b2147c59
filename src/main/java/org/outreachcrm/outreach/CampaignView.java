package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A campaign and its target organizations. */
public record CampaignView(long id, String name, @Nullable String description, LocalDate startsOn,
		@Nullable LocalDate endsOn, long ownerId, CampaignStatus status, Set<Long> targetOrganizationIds,
		Instant createdAt, Instant updatedAt, long version) {
}
