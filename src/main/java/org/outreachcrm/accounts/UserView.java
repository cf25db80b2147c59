package org.outreachcrm.accounts;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user as other modules and the API see it; never carries the password hash.
 *
 * @param countries the country scope; empty means all countries
 */
public record UserView(long id, String username, String displayName, @Nullable String email, boolean enabled,
		boolean passwordChangeRequired, Set<Role> roles, Set<String> countries, Instant createdAt, Instant updatedAt,
		long version) {
}
