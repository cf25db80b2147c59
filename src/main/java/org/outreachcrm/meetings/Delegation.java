package org.outreachcrm.meetings;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who comes to a meeting, by country and organization, with invitation status counts at
 * each level.
 */
public record Delegation(long meetingId, String title, long organizations, long people,
		Map<InvitationStatus, Long> statusCounts, List<Country> countries) {

	/** The delegation of one country ("" for organizations without one). */
	public record Country(String country, long organizations, long people, Map<InvitationStatus, Long> statusCounts,
			List<Organization> delegations) {
	}

	/** The people one organization sends. */
	public record Organization(long organizationId, String name, Map<InvitationStatus, Long> statusCounts,
			List<Person> people) {
	}

	/** One invited person. */
	public record Person(long invitationId, long contactId, String name, @Nullable String email,
			InvitationStatus status) {
	}

}
