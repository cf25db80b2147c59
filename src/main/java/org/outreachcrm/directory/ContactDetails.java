package org.outreachcrm.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything the directory holds about one person, with their affiliations and consent.
 */
public record ContactDetails(long id, @Nullable String givenName, @Nullable String familyName, String displayName,
		List<String> emails, List<String> phones, @Nullable String preferredLanguage, @Nullable String country,
		@Nullable String notes, Set<String> tags, List<AffiliationView> affiliations, Instant createdAt,
		@Nullable String createdBy, Instant updatedAt, @Nullable String updatedBy, long version, Consent consent) {

	/** Without consent: it is unknown. */
	public ContactDetails(long id, @Nullable String givenName, @Nullable String familyName, String displayName,
			List<String> emails, List<String> phones, @Nullable String preferredLanguage, @Nullable String country,
			@Nullable String notes, Set<String> tags, List<AffiliationView> affiliations, Instant createdAt,
			@Nullable String createdBy, Instant updatedAt, @Nullable String updatedBy, long version) {
		this(id, givenName, familyName, displayName, emails, phones, preferredLanguage, country, notes, tags,
				affiliations, createdAt, createdBy, updatedAt, updatedBy, version, Consent.unknown());
	}

}
