package org.outreachcrm.meetings;

/** A person's invitation to a meeting, with the meeting. */
public record Participation(MeetingView meeting, InvitationView invitation) {
}
