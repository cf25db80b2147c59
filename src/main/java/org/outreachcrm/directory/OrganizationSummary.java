package org.outreachcrm.directory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One row of the organization list. */
public record OrganizationSummary(long id, String name, OrganizationType type, @Nullable String country,
		@Nullable String city, PartnershipStage stage, @Nullable String email, List<String> tags, Instant updatedAt,
		long version) {
}
