package org.outreachcrm.meetings;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Invites several people at once.
 *
 * @param contactIds the people to invite (may be empty with {@code everyoneOf})
 * @param organizationId whom they represent; {@code null}: each person's current
 * organization
 * @param everyoneOf an organization whose current people are all invited, for it
 */
public record BulkInvitation(@NotNull @Size(max = 500) List<Long> contactIds, @Nullable Long organizationId,
		@Nullable Long everyoneOf) {

	public BulkInvitation {
		contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
	}

}
