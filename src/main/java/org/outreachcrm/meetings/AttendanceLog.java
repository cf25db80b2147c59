package org.outreachcrm.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Logs the EVENT interaction of each organization whose people attended a meeting: one
 * per organization and meeting (kept in {@code meeting_interaction}), listing the
 * attendees.
 */
@Component
class AttendanceLog {

	private final Interactions interactions;

	private final NamedParameterJdbcTemplate jdbc;

	AttendanceLog(Interactions interactions, NamedParameterJdbcTemplate jdbc) {
		this.interactions = interactions;
		this.jdbc = jdbc;
	}

	Attendance log(MeetingView meeting, List<Invitation> invitations) {
		Map<Long, Set<Long>> attendees = new TreeMap<>();
		for (Invitation invitation : invitations) {
			if (invitation.status() == InvitationStatus.ATTENDED) {
				attendees.computeIfAbsent(invitation.organizationId(), (k) -> new TreeSet<>())
					.add(invitation.contactId());
			}
		}
		Map<Long, Long> logged = new TreeMap<>();
		this.jdbc.query("SELECT organization_id, interaction_id FROM meeting_interaction WHERE meeting_id = :id",
				Map.of("id", meeting.id()), (rs) -> {
					logged.put(rs.getLong(1), rs.getLong(2));
				});
		List<Attendance.OrganizationAttendance> result = new ArrayList<>();
		for (Map.Entry<Long, Set<Long>> entry : attendees.entrySet()) {
			long organizationId = entry.getKey();
			Long interactionId = logged.get(organizationId);
			if (interactionId != null && !this.interactions.exists(interactionId)) {
				// someone deleted the logged interaction: log it again rather than fail
				this.jdbc.update(
						"DELETE FROM meeting_interaction WHERE meeting_id = :meeting AND organization_id = :org",
						Map.of("meeting", meeting.id(), "org", organizationId));
				interactionId = null;
			}
			List<Long> contactIds;
			if (interactionId == null) {
				InteractionRequest request = new InteractionRequest(organizationId, new ArrayList<>(entry.getValue()),
						InteractionType.EVENT, meeting.startsAt(), meeting.timeZone().getId(), Direction.OUTBOUND,
						meeting.title(), meeting.purpose(), null, meeting.organizerId(), null, Set.of("meeting"), null,
						null);
				var view = this.interactions.log(request);
				interactionId = view.id();
				contactIds = view.contactIds();
				this.jdbc.update(
						"INSERT INTO meeting_interaction (meeting_id, organization_id, interaction_id) "
								+ "VALUES (:meeting, :organization, :interaction)",
						new MapSqlParameterSource("meeting", meeting.id()).addValue("organization", organizationId)
							.addValue("interaction", interactionId));
			}
			else {
				contactIds = this.interactions.addContacts(interactionId, entry.getValue()).contactIds();
			}
			result.add(new Attendance.OrganizationAttendance(organizationId, interactionId, contactIds));
		}
		return new Attendance(meeting.id(), result);
	}

}
