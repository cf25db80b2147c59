package org.outreachcrm.meetings;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Invites a person to represent an organization at a meeting.
 *
 * @param status {@code null} means INVITED
 */
public record InvitationRequest(@NotNull Long contactId, @NotNull Long organizationId,
		@Nullable InvitationStatus status) {
}
