package org.outreachcrm.directory;

import jakarta.validation.constraints.NotNull;

/**
 * Moves an organization to another partnership stage.
 *
 * @param version the version the change is based on
 */
public record OrganizationStageRequest(@NotNull PartnershipStage stage, @NotNull Long version) {
}
