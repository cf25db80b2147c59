package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings starting in the period: invitations and attendance per meeting, per country
 * and per organization type of the invited people's organizations. Only invitations for
 * organizations inside the scope count. Accepted counts everyone who said yes (ACCEPTED,
 * ATTENDED, NO_SHOW). Campaigns do not apply to meetings.
 */
@Component
class MeetingsReport {

	static final String BY_MEETING = "meetingsByMeeting";

	static final String BY_COUNTRY = "meetingsByCountry";

	static final String BY_TYPE = "meetingsByOrganizationType";

	private static final String COUNTS = """
			COUNT(*) AS invited,
			SUM(CASE WHEN v.status IN ('ACCEPTED', 'ATTENDED', 'NO_SHOW') THEN 1 ELSE 0 END) AS accepted,
			SUM(CASE WHEN v.status = 'DECLINED' THEN 1 ELSE 0 END) AS declined,
			SUM(CASE WHEN v.status = 'ATTENDED' THEN 1 ELSE 0 END) AS attended,
			SUM(CASE WHEN v.status = 'NO_SHOW' THEN 1 ELSE 0 END) AS no_show
			""";

	private final JdbcClient jdbc;

	MeetingsReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ReportData compute(ReportFilter filter, CountryScope scope, Instant now) {
		ReportSql sql = new ReportSql(filter, scope);
		Map<String, Object> params = sql.params();
		String from = " FROM meeting m JOIN invitation v ON v.meeting_id = m.id"
				+ " LEFT JOIN organization o ON o.id = v.organization_id"
				+ " WHERE m.starts_at >= :start AND m.starts_at < :end" + sql.countryIn("o.country");
		List<List<@Nullable Object>> byMeeting = this.jdbc
			.sql("SELECT m.id, m.title, m.starts_at, " + COUNTS + from + " GROUP BY m.id, m.title, m.starts_at"
					+ " ORDER BY m.starts_at, m.id")
			.params(params)
			.query((rs,
					i) -> counts(FollowUpReport.row(rs.getString("title"),
							rs.getObject("starts_at", LocalDateTime.class).toLocalDate()), rs))
			.list();
		List<List<@Nullable Object>> byCountry = grouped("o.country", from, params);
		List<List<@Nullable Object>> byType = grouped("o.type", from, params);

		long invited = byMeeting.stream().mapToLong((r) -> (Long) r.get(2)).sum();
		long attended = byMeeting.stream().mapToLong((r) -> (Long) r.get(5)).sum();
		List<ReportFigure> figures = List.of(new ReportFigure("meetings", byMeeting.size()),
				new ReportFigure("invitations", invited), new ReportFigure("attended", attended));
		List<ReportTable> tables = List.of(
				new ReportTable(BY_MEETING, columns(ReportColumn.text("meeting"), ReportColumn.date("startsOn")),
						byMeeting),
				new ReportTable(BY_COUNTRY, columns(ReportColumn.code("country")), byCountry),
				new ReportTable(BY_TYPE, columns(ReportColumn.code("organizationType")), byType));
		List<ReportChart> charts = List.of(
				new ReportChart("chart.attendanceByMeeting", ReportChart.Kind.BAR, BY_MEETING, 0, 5),
				new ReportChart("chart.invitationsByCountry", ReportChart.Kind.BAR, BY_COUNTRY, 0, 1),
				new ReportChart("chart.invitationsByOrganizationType", ReportChart.Kind.PIE, BY_TYPE, 0, 1));
		return new ReportData(filter, scope, now, figures, tables, charts, byMeeting.isEmpty());
	}

	private List<List<@Nullable Object>> grouped(String column, String from, Map<String, Object> params) {
		return this.jdbc
			.sql("SELECT " + column + " AS label, " + COUNTS + from + " GROUP BY " + column + " ORDER BY invited DESC, "
					+ column)
			.params(params)
			.query((rs, i) -> counts(FollowUpReport.row(rs.getString("label")), rs))
			.list();
	}

	private static List<@Nullable Object> counts(List<@Nullable Object> row, java.sql.ResultSet rs)
			throws java.sql.SQLException {
		long invited = rs.getLong("invited");
		long attended = rs.getLong("attended");
		row.add(invited);
		row.add(rs.getLong("accepted"));
		row.add(rs.getLong("declined"));
		row.add(attended);
		row.add(rs.getLong("no_show"));
		row.add(invited == 0 ? 0.0 : (double) attended / invited);
		return row;
	}

	private static List<ReportColumn> columns(ReportColumn... first) {
		List<ReportColumn> columns = new java.util.ArrayList<>(List.of(first));
		columns.addAll(List.of(ReportColumn.number("invited"), ReportColumn.number("accepted"),
				ReportColumn.number("declined"), ReportColumn.number("attended"), ReportColumn.number("noShow"),
				ReportColumn.percent("attendanceRate")));
		return columns;
	}

}
