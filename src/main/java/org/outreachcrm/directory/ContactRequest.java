package org.outreachcrm.directory;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryCode;
import org.outreachcrm.shared.LanguageCode;

/**
 * A person as a client creates or changes them. Either a display name or at least one of
 * the name parts is required.
 *
 * @param version the version the change is based on; required when updating
 */
public record ContactRequest(@Nullable @Size(max = 200) String givenName, @Nullable @Size(max = 200) String familyName,
		@Nullable @Size(max = 300) String displayName,
		@Nullable @Size(max = 10) List<@NotBlank @Email @Size(max = 320) String> emails,
		@Nullable @Size(max = 10) List<@NotBlank @Size(max = 64) String> phones,
		@Nullable @LanguageCode String preferredLanguage, @Nullable @CountryCode String country,
		@Nullable @Size(max = 20000) String notes, @Nullable @Size(max = 50) Set<@NotBlank @Size(max = 64) String> tags,
		@Nullable Long version) {

	@AssertTrue(message = "{validation.contact.name}")
	boolean isNamed() {
		return !Contact.displayNameOf(this).isEmpty();
	}

}
