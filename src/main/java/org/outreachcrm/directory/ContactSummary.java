package org.outreachcrm.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the contact list, with the organization of the person's current primary (or
 * else first current) affiliation.
 */
public record ContactSummary(long id, String displayName, @Nullable String email, @Nullable String country,
		@Nullable Long organizationId, @Nullable String organizationName, @Nullable String role, List<String> tags,
		long version) {
}
