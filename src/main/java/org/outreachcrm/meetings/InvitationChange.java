package org.outreachcrm.meetings;

import jakarta.validation.constraints.NotNull;

/** A new status of an invitation, based on the version the client saw. */
public record InvitationChange(@NotNull InvitationStatus status, @NotNull Long version) {
}
