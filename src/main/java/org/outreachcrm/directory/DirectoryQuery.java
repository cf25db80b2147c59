package org.outreachcrm.directory;

import org.jspecify.annotations.Nullable;

/**
 * What a user searches the directory for: free text (any words, accent- and
 * case-insensitive, each word a prefix) and filters. Filters that do not apply to
 * contacts (type, stage) are matched against their organizations.
 */
public record DirectoryQuery(@Nullable String q, @Nullable OrganizationType type, @Nullable String country,
		@Nullable PartnershipStage stage, @Nullable String tag, @Nullable Long organizationId) {

	public static DirectoryQuery text(String q) {
		return new DirectoryQuery(q, null, null, null, null, null);
	}

	public static DirectoryQuery all() {
		return new DirectoryQuery(null, null, null, null, null, null);
	}

}
