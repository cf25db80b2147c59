package org.outreachcrm.accounts;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change to a user's profile, roles, scope or status, based on {@code version}.
 *
 * @param countries the country scope; empty means all countries
 */
public record UserChange(@NotBlank @Size(max = 200) String displayName, @Nullable @Email @Size(max = 320) String email,
		boolean enabled, @NotEmpty @Size(max = 3) Set<Role> roles,
		@Size(max = 250) Set<@Pattern(regexp = "[A-Z]{2}") String> countries, @NotNull Long version) {
}
