package org.outreachcrm.outreach;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;

/**
 * An organization nobody has contacted for a while.
 *
 * @param lastInteractionAt {@code null}: never contacted
 * @param silentSince the last interaction, or when the organization was created
 */
public record ColdOrganization(long organizationId, String name, @Nullable String country, OrganizationType type,
		PartnershipStage stage, @Nullable Instant lastInteractionAt, Instant silentSince, long silentDays) {
}
