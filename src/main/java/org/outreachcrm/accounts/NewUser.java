package org.outreachcrm.accounts;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a user.
 *
 * @param countries the country scope; empty means all countries
 */
public record NewUser(
		@NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+",
				message = "{user.username.pattern}") String username,
		@NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = 200) String password,
		@Nullable @Size(max = 200) String displayName, @Nullable @Email @Size(max = 320) String email,
		@NotEmpty @Size(max = 3) Set<Role> roles,
		@Nullable @Size(max = 250) Set<@Pattern(regexp = "[A-Z]{2}") String> countries) {
}
