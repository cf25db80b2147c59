package org.outreachcrm.directory;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryCode;
import org.outreachcrm.shared.LanguageCode;

/**
 * An organization as a client creates or changes it.
 *
 * @param version the version the change is based on; required when updating
 */
public record OrganizationRequest(@NotBlank @Size(max = 300) String name, @NotNull OrganizationType type,
		@Nullable @CountryCode String country, @Nullable @Size(max = 200) String city,
		@Nullable @Size(max = 500) @Pattern(regexp = "^(https?://)?[^\\s<>\"]+$",
				message = "{validation.website}") String website,
		@Nullable @Email @Size(max = 320) String email, @Nullable @Size(max = 64) String phone,
		@Nullable @Size(max = 20) List<@LanguageCode String> languages, @Nullable @Size(max = 20000) String description,
		@Nullable PartnershipStage stage, @Nullable Long ownerId,
		@Nullable @Size(max = 50) Set<@NotBlank @Size(max = 64) String> tags, @Nullable Long version) {
}
