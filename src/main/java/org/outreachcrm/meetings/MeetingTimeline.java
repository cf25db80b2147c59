package org.outreachcrm.meetings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineKind;
import org.outreachcrm.outreach.TimelineSource;
import org.outreachcrm.outreach.TimelineSubject;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds meeting participation (invitations) to the timelines of people and organizations.
 */
@Component
class MeetingTimeline implements TimelineSource {

	// the organization's EVENT interaction for the meeting stands for it on the timeline
	private static final String NOT_LOGGED = " AND NOT EXISTS (SELECT 1 FROM meeting_interaction mi"
			+ " WHERE mi.meeting_id = i.meeting_id AND mi.organization_id = i.organization_id)";

	// an attendee is on that interaction; others keep the meeting entry with their status
	private static final String NOT_LOGGED_FOR_ATTENDEE = " AND NOT (i.status = 'ATTENDED' AND EXISTS (SELECT 1"
			+ " FROM meeting_interaction mi WHERE mi.meeting_id = i.meeting_id AND mi.organization_id = i.organization_id))";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scope;

	MeetingTimeline(NamedParameterJdbcTemplate jdbc, ScopeSql scope) {
		this.scope = scope;
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> newest(TimelineSubject subject, long id, int limit) {
		// an organization appears once per meeting, with the status of its first
		// invitation; once attendance logged the meeting's EVENT interaction, that
		// interaction is the meeting's entry (for the organization and its attendees)
		String sql = subject == TimelineSubject.CONTACT ? """
				SELECT m.id, m.starts_at, i.organization_id, m.title, i.status, m.place
				FROM invitation i JOIN meeting m ON m.id = i.meeting_id
				WHERE i.contact_id = :id/*scope*/""" + NOT_LOGGED_FOR_ATTENDEE + """

				ORDER BY m.starts_at DESC, m.id DESC LIMIT :limit""" : """
				SELECT m.id, m.starts_at, i.organization_id, m.title, i.status, m.place
				FROM invitation i JOIN meeting m ON m.id = i.meeting_id
				WHERE i.organization_id = :id AND i.id = (SELECT MIN(i2.id) FROM invitation i2
				 WHERE i2.meeting_id = i.meeting_id AND i2.organization_id = i.organization_id)""" + NOT_LOGGED + """

				ORDER BY m.starts_at DESC, m.id DESC LIMIT :limit""";
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("limit", limit);
		sql = sql.replace("/*scope*/", this.scope.byOrganization("i", params));
		return this.jdbc.query(sql, params,
				(rs, n) -> new TimelineEntry(TimelineKind.MEETING, rs.getLong(1),
						rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), null));
	}

	@Override
	public long count(TimelineSubject subject, long id) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String sql = subject == TimelineSubject.CONTACT
				? "SELECT COUNT(*) FROM invitation i WHERE i.contact_id = :id" + this.scope.byOrganization("i", params)
						+ NOT_LOGGED_FOR_ATTENDEE
				: "SELECT COUNT(DISTINCT i.meeting_id) FROM invitation i WHERE i.organization_id = :id" + NOT_LOGGED;
		Long count = this.jdbc.queryForObject(sql, params, Long.class);
		return count == null ? 0 : count;
	}

}
