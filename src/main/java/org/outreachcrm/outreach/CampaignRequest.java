package org.outreachcrm.outreach;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as a client creates or changes it.
 *
 * @param ownerId the responsible user; {@code null} means the current user
 * @param targetOrganizationIds the organizations to reach; {@code null} keeps them when
 * updating
 * @param version the version a change is based on; required when updating
 */
public record CampaignRequest(@NotBlank @Size(max = 300) String name, @Nullable @Size(max = 20000) String description,
		@NotNull LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Long ownerId,
		@Nullable CampaignStatus status, @Nullable @Size(max = 10000) Set<@NotNull Long> targetOrganizationIds,
		@Nullable Long version) {
}
