package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outreach activity: interactions in the period by staff member, country, organization
 * type, interaction type, campaign and day, compared with the period of the same length
 * before; new organizations and contacts. Totals, staff, countries, interaction types,
 * campaigns, days and the period before come from the daily counts the outreach module
 * keeps on every write ({@code interaction_day_count}, V240: a few rows per day and
 * country, not one per interaction); organization types (today's type of each
 * organization, which changes without the interaction) from a count per organization
 * joined to the directory. No query joins or loads one row per interaction.
 */
@Component
class ActivityReport {

	static final String BY_STAFF = "byStaff";

	static final String BY_COUNTRY = "byCountry";

	static final String BY_ORGANIZATION_TYPE = "byOrganizationType";

	static final String BY_INTERACTION_TYPE = "byInteractionType";

	static final String BY_CAMPAIGN = "byCampaign";

	static final String BY_DAY = TimeBuckets.BY_DAY;

	private final JdbcClient jdbc;

	ActivityReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ReportData compute(ReportFilter filter, CountryScope scope, Instant now) {
		return compute(filter, scope, now, true);
	}

	/**
	 * The report without what a glance at it does not show (the home page): no
	 * organization types (a count per organization over the period's interactions, the
	 * one query that reads rows in proportion to the period's activity), no staff (their
	 * daily rows are a row per staff member, country and day), no new people, campaigns
	 * left as ids. Every figure and table it keeps is the report's own.
	 */
	ReportData glance(ReportFilter filter, CountryScope scope, Instant now) {
		return compute(filter, scope, now, false);
	}

	/** Organizations created in the period in the scope, as the report counts them. */
	long newOrganizations(ReportFilter filter, CountryScope scope) {
		ReportSql sql = new ReportSql(filter, scope);
		return count("SELECT COUNT(*) FROM organization o WHERE o.created_at >= :start AND o.created_at < :end"
				+ sql.countryIn("o.country"), sql.params());
	}

	private ReportData compute(ReportFilter filter, CountryScope scope, Instant now, boolean full) {
		ReportSql sql = new ReportSql(filter, scope);
		Map<String, Object> params = sql.params();
		Tally staff = new Tally(1);
		Tally countries = new Tally(1);
		Tally organizationTypes = new Tally(1);
		Tally types = new Tally(1);
		Tally campaigns = new Tally(1);
		long[] total = { 0 };
		// the counts kept on write: per type (totals, countries, campaigns) and per staff
		// member, monthly rows for whole months and daily rows for the days around them
		this.jdbc
			.sql("""
					SELECT s.dimension, s.country, s.campaign_id, s.item, SUM(s.interactions) AS n
					  FROM interaction_day_count s"""
					+ counted(sql, full ? "'T', 'S'" : "'T'", full ? "'M', 'N'" : "'M'") + "\n" + """
							GROUP BY s.dimension, s.country, s.campaign_id, s.item
							HAVING SUM(s.interactions) <> 0""")
			.params(params)
			.query((rs) -> {
				long n = rs.getLong("n");
				String item = rs.getString("item");
				String dimension = rs.getString("dimension");
				if ("S".equals(dimension) || "N".equals(dimension)) {
					staff.add(item, n);
					return;
				}
				total[0] += n;
				countries.add(rs.getString("country"), n);
				types.add(item, n);
				long campaign = rs.getLong("campaign_id");
				campaigns.add(campaign == 0 ? null : String.valueOf(campaign), n);
			});
		// organization types are today's, not the interaction's: counted from the rows,
		// per organization first (the (organization_id, occurred_at) index feeds it in
		// order), then by type over at most one row per organization: no join per
		// interaction
		String where = " WHERE i.occurred_at >= :start AND i.occurred_at < :end" + sql.countryIn("i.country")
				+ sql.campaignIs("i.campaign_id");
		if (full) {
			this.jdbc.sql("""
					SELECT o.type, SUM(x.n) AS n
					  FROM (SELECT i.organization_id, COUNT(*) AS n FROM interaction i""" + where + "\n" + """
					        GROUP BY i.organization_id) x
					 LEFT JOIN organization o ON o.id = x.organization_id
					GROUP BY o.type""").params(params).query((rs) -> {
				organizationTypes.add(rs.getString(1), rs.getLong(2));
			});
		}
		Map<LocalDate, Long> perDay = new HashMap<>();
		this.jdbc
			.sql("SELECT s.occurred_on, SUM(s.interactions) AS n FROM interaction_day_count s WHERE s.dimension = 'T'"
					+ " AND s.occurred_on >= :startDay AND s.occurred_on <= :endDay" + sql.countryIn("s.country")
					+ sql.campaignIs("s.campaign_id") + " GROUP BY s.occurred_on")
			.params(params)
			.query((rs) -> {
				perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
			});
		TimeBuckets buckets = TimeBuckets.of(filter.from(), filter.to());
		List<List<@Nullable Object>> overTime = buckets.rows(perDay);

		ReportSql previousSql = new ReportSql(filter.previous(), scope);
		long previous = count("SELECT COALESCE(SUM(s.interactions), 0) FROM interaction_day_count s"
				+ counted(previousSql, "'T'", "'M'"), previousSql.params());
		long newOrganizations = newOrganizations(filter, scope);
		long newContacts = !full ? 0
				: count("SELECT COUNT(*) FROM contact c WHERE c.created_at >= :start AND c.created_at < :end"
						+ sql.countryIn("c.country"), params);

		List<ReportFigure> figures = List.of(new ReportFigure("interactions", total[0]),
				new ReportFigure("previousInteractions", previous),
				new ReportFigure("changeInteractions", total[0] - previous),
				new ReportFigure("newOrganizations", newOrganizations), new ReportFigure("newContacts", newContacts));
		List<ReportTable> tables = List.of(
				new ReportTable(BY_STAFF, shareColumns(ReportColumn.text("staff")), named(staff.rows(true),
						full ? names("SELECT id, display_name FROM app_user WHERE id IN (:ids)", ids(staff.rows(false)))
								: Map.of())),
				new ReportTable(BY_COUNTRY, shareColumns(ReportColumn.code("country")), countries.rows(true)),
				new ReportTable(BY_ORGANIZATION_TYPE, shareColumns(ReportColumn.code("organizationType")),
						organizationTypes.rows(true)),
				new ReportTable(BY_INTERACTION_TYPE, shareColumns(ReportColumn.code("interactionType")),
						types.rows(true)),
				new ReportTable(BY_CAMPAIGN, shareColumns(ReportColumn.text("campaign")), named(campaigns.rows(true),
						full ? names("SELECT id, name FROM campaign WHERE id IN (:ids)", ids(campaigns.rows(false)))
								: Map.of())),
				new ReportTable(buckets.tableKey(),
						List.of(ReportColumn.date(buckets.unit()), ReportColumn.number("interactions")), overTime));
		List<ReportChart> charts = List.of(
				new ReportChart("chart." + buckets.tableKey(), ReportChart.Kind.LINE, buckets.tableKey(), 0, 1),
				new ReportChart("chart.byCountry", ReportChart.Kind.BAR, BY_COUNTRY, 0, 1),
				new ReportChart("chart.byInteractionType", ReportChart.Kind.PIE, BY_INTERACTION_TYPE, 0, 1));
		boolean empty = total[0] == 0 && newOrganizations == 0 && newContacts == 0;
		return new ReportData(filter, scope, now, figures, tables, charts, empty);
	}

	/**
	 * The period's rows of the daily counts: monthly rows ({@code months}) for its whole
	 * UTC months, daily rows ({@code days}) for the days before the first and after the
	 * last (all its days when it holds no whole month); the scope's countries ('' — no
	 * country — is seen only without a country condition, as NULL is in the rows).
	 */
	private static String counted(ReportSql sql, String days, String months) {
		return " WHERE ((s.dimension IN (" + days + ") AND ((s.occurred_on >= :startDay"
				+ " AND s.occurred_on < :monthsFrom) OR (s.occurred_on >= :monthsTo AND s.occurred_on <= :endDay)))"
				+ " OR (s.dimension IN (" + months
				+ ") AND s.occurred_on >= :monthsFrom AND s.occurred_on < :monthsTo))" + sql.countryIn("s.country")
				+ sql.campaignIs("s.campaign_id");
	}

	private static List<ReportColumn> shareColumns(ReportColumn first) {
		return List.of(first, ReportColumn.number("interactions"), ReportColumn.percent("share"));
	}

	private long count(String sql, Map<String, Object> params) {
		Long n = this.jdbc.sql(sql).params(params).query(Long.class).single();
		return n == null ? 0 : n;
	}

	private static List<Long> ids(List<List<@Nullable Object>> rows) {
		List<Long> ids = new ArrayList<>();
		rows.forEach((row) -> {
			if (row.get(0) != null) {
				ids.add(Long.valueOf((String) row.get(0)));
			}
		});
		return ids;
	}

	private Map<String, String> names(String sql, Collection<Long> ids) {
		Map<String, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(sql).param("ids", ids).query((rs) -> {
				names.put(String.valueOf(rs.getLong(1)), rs.getString(2));
			});
		}
		return names;
	}

	// ids in the first column become names; an id without a name (deleted) stays "#id"
	private static List<List<@Nullable Object>> named(List<List<@Nullable Object>> rows, Map<String, String> names) {
		List<List<@Nullable Object>> named = new ArrayList<>();
		for (List<@Nullable Object> row : rows) {
			List<@Nullable Object> copy = new ArrayList<>(row);
			Object id = row.get(0);
			if (id != null) {
				copy.set(0, names.getOrDefault((String) id, "#" + id));
			}
			named.add(copy);
		}
		return named;
	}

}
