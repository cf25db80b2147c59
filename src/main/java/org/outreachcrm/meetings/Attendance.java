package org.outreachcrm.meetings;

import java.util.List;

/**
 * The EVENT interaction each attending organization has for a meeting.
 *
 * @param organizations one entry per organization with attendees
 */
public record Attendance(long meetingId, List<OrganizationAttendance> organizations) {

	/** The interaction of one organization and the people it lists. */
	public record OrganizationAttendance(long organizationId, long interactionId, List<Long> contactIds) {
	}

}
