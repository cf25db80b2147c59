package org.outreachcrm.meetings;

import org.jspecify.annotations.Nullable;

/** An invitation with the person's and organization's names. */
public record InvitationView(long id, long meetingId, long contactId, @Nullable String contactName, long organizationId,
		@Nullable String organizationName, InvitationStatus status, long version) {
}
