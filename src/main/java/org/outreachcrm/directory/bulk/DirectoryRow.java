package org.outreachcrm.directory.bulk;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.OrganizationType;

/**
 * One normalized row of a partner list as an import hands it to the directory: an
 * organization, a person, or both (then also their affiliation, with {@code role}).
 * Values are already normalized (country alpha-2, email trimmed and lower-cased, phone
 * E.164 where possible).
 *
 * @param rowNumber the row's number in its file, for messages and undo
 * @param consentDate the ISO date on which the person gave consent, when the file says
 * @param consentFile the file the consent came from (the consent's source detail)
 */
public record DirectoryRow(long rowNumber, @Nullable String organizationName,
		@Nullable OrganizationType organizationType, @Nullable String country, @Nullable String city,
		@Nullable String website, @Nullable String organizationEmail, @Nullable String organizationPhone,
		@Nullable String givenName, @Nullable String familyName, @Nullable String displayName, @Nullable String email,
		@Nullable String phone, @Nullable String role, @Nullable String preferredLanguage, @Nullable String notes,
		Set<String> tags, @Nullable String consentDate, @Nullable String consentFile) {

	/** A row without consent. */
	public DirectoryRow(long rowNumber, @Nullable String organizationName, @Nullable OrganizationType organizationType,
			@Nullable String country, @Nullable String city, @Nullable String website,
			@Nullable String organizationEmail, @Nullable String organizationPhone, @Nullable String givenName,
			@Nullable String familyName, @Nullable String displayName, @Nullable String email, @Nullable String phone,
			@Nullable String role, @Nullable String preferredLanguage, @Nullable String notes, Set<String> tags) {
		this(rowNumber, organizationName, organizationType, country, city, website, organizationEmail,
				organizationPhone, givenName, familyName, displayName, email, phone, role, preferredLanguage, notes,
				tags, null, null);
	}

	public boolean hasOrganization() {
		return this.organizationName != null && !this.organizationName.isBlank();
	}

	public boolean hasPerson() {
		return (this.email != null && !this.email.isBlank()) || !personName().isEmpty();
	}

	/** The person's name to show: the display name, or given and family name. */
	public String personName() {
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName.strip();
		}
		String given = this.givenName == null ? "" : this.givenName.strip();
		String family = this.familyName == null ? "" : this.familyName.strip();
		return (given + " " + family).strip();
	}

}
