package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-ups: the open ones that are overdue or due within a week, per staff member and
 * one by one, oldest first. Open follow-ups are a snapshot at the time of the run
 * ("today" is the run's UTC day); the period counts the follow-ups set and completed in
 * it.
 */
@Component
class FollowUpReport {

	static final String BY_STAFF = "followUpsByStaff";

	static final String OPEN = "openFollowUps";

	static final int DUE_SOON_DAYS = 7;

	/** At most this many follow-ups are listed one by one (the counts cover all). */
	static final int LIST_LIMIT = 10000;

	private final JdbcClient jdbc;

	FollowUpReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The report's "overdue" figure alone: open follow-ups due before today (UTC) in the
	 * scope, one count over the open-and-due index instead of the report's lists.
	 */
	long overdue(ReportFilter filter, CountryScope scope, Instant now) {
		ReportSql sql = new ReportSql(filter, scope);
		Map<String, Object> params = sql.params();
		params.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
		String campaignJoin = filter.campaignId() == null ? "" : " JOIN interaction i ON i.id = f.interaction_id";
		Long n = this.jdbc
			.sql("SELECT COUNT(*) FROM follow_up f" + campaignJoin
					+ " WHERE f.completed_at IS NULL AND f.due_on < :today" + sql.countryIn("f.country")
					+ sql.campaignIs("i.campaign_id"))
			.params(params)
			.query(Long.class)
			.single();
		return n == null ? 0 : n;
	}

	ReportData compute(ReportFilter filter, CountryScope scope, Instant now) {
		ReportSql sql = new ReportSql(filter, scope);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<String, Object> params = sql.params();
		params.put("today", today);
		params.put("soon", today.plusDays(DUE_SOON_DAYS));
		String campaignJoin = filter.campaignId() == null ? "" : " JOIN interaction i ON i.id = f.interaction_id";
		String open = " FROM follow_up f" + campaignJoin + " WHERE f.completed_at IS NULL AND f.due_on <= :soon"
				+ sql.countryIn("f.country") + sql.campaignIs("i.campaign_id");

		List<List<@Nullable Object>> byStaff = this.jdbc.sql("""
				SELECT COALESCE(u.display_name, CONCAT('#', g.assignee_id)) AS staff, g.overdue, g.due_soon, g.oldest
				  FROM (SELECT f.assignee_id, SUM(CASE WHEN f.due_on < :today THEN 1 ELSE 0 END) AS overdue,
				               SUM(CASE WHEN f.due_on >= :today THEN 1 ELSE 0 END) AS due_soon,
				               MIN(f.due_on) AS oldest""" + open + "\n" + """
				        GROUP BY f.assignee_id) g
				 LEFT JOIN app_user u ON u.id = g.assignee_id
				ORDER BY g.oldest, staff""")
			.params(params)
			.query((rs, i) -> row(rs.getString("staff"), rs.getLong("overdue"), rs.getLong("due_soon"),
					rs.getObject("oldest", LocalDate.class)))
			.list();
		List<List<@Nullable Object>> list = this.jdbc.sql("""
				SELECT f.due_on, u.display_name, o.name, f.country, f.note
				  FROM (SELECT f.id""" + open + "\n" + """
				       ) ids
				 JOIN follow_up f ON f.id = ids.id
				 LEFT JOIN app_user u ON u.id = f.assignee_id
				 LEFT JOIN organization o ON o.id = f.organization_id
				ORDER BY f.due_on, f.id
				LIMIT""" + " " + LIST_LIMIT).params(params).query((rs, i) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			return row(due, Math.max(0, ChronoUnit.DAYS.between(due, today)), rs.getString("display_name"),
					rs.getString("name"), rs.getString("country"), rs.getString("note"));
		}).list();

		long overdue = byStaff.stream().mapToLong((r) -> (Long) r.get(1)).sum();
		long dueSoon = byStaff.stream().mapToLong((r) -> (Long) r.get(2)).sum();
		String period = " FROM follow_up f" + campaignJoin + " WHERE %s >= :start AND %s < :end"
				+ sql.countryIn("f.country") + sql.campaignIs("i.campaign_id");
		long set = count("SELECT COUNT(*)" + period.formatted("f.created_at", "f.created_at"), params);
		long completed = count("SELECT COUNT(*)" + period.formatted("f.completed_at", "f.completed_at"), params);

		List<ReportFigure> figures = List.of(new ReportFigure("overdue", overdue), new ReportFigure("dueSoon", dueSoon),
				new ReportFigure("followUpsSet", set), new ReportFigure("followUpsCompleted", completed));
		List<ReportTable> tables = List.of(
				new ReportTable(BY_STAFF,
						List.of(ReportColumn.text("staff"), ReportColumn.number("overdue"),
								ReportColumn.number("dueSoon"), ReportColumn.date("oldestDue")),
						byStaff),
				new ReportTable(OPEN,
						List.of(ReportColumn.date("dueOn"), ReportColumn.number("daysOverdue"),
								ReportColumn.text("staff"), ReportColumn.text("organization"),
								ReportColumn.code("country"), ReportColumn.text("note")),
						list));
		List<ReportChart> charts = List.of(
				new ReportChart("chart.overdueByStaff", ReportChart.Kind.BAR, BY_STAFF, 0, 1),
				new ReportChart("chart.dueSoonByStaff", ReportChart.Kind.BAR, BY_STAFF, 0, 2));
		boolean empty = overdue == 0 && dueSoon == 0 && set == 0 && completed == 0;
		return new ReportData(filter, scope, now, figures, tables, charts, empty);
	}

	private long count(String sql, Map<String, Object> params) {
		Long n = this.jdbc.sql(sql).params(params).query(Long.class).single();
		return n == null ? 0 : n;
	}

	static List<@Nullable Object> row(@Nullable Object... values) {
		List<@Nullable Object> row = new ArrayList<>(values.length);
		for (Object value : values) {
			row.add(value);
		}
		return row;
	}

}
