package org.outreachcrm.directory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The few facts about an organization that other modules combine with their own data
 * (timelines, campaign progress, cold lists), without reading directory tables.
 */
public record OrganizationFacts(long id, String name, @Nullable String country, OrganizationType type,
		PartnershipStage stage, Instant createdAt) {
}
