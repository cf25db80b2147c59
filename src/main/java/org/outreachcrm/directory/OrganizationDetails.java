package org.outreachcrm.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Everything the directory holds about one organization. */
public record OrganizationDetails(long id, String name, OrganizationType type, @Nullable String country,
		@Nullable String city, @Nullable String website, @Nullable String email, @Nullable String phone,
		List<String> languages, @Nullable String description, PartnershipStage stage, @Nullable Long ownerId,
		@Nullable String ownerName, Set<String> tags, Instant createdAt, @Nullable String createdBy, Instant updatedAt,
		@Nullable String updatedBy, long version) {
}
