package org.outreachcrm.reports;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage: organizations per country and per type, how many were reached in the period
 * and how many are going cold (created before and without any interaction in the
 * {@code coldAfterDays} days up to the end of the period), plus the partnership funnel:
 * organizations in each stage now and the moves into each stage during the period (from
 * the stage history). A campaign limits the organizations to its targets.
 */
@Component
class CoverageReport {

	static final String BY_COUNTRY = "coverageByCountry";

	static final String BY_TYPE = "coverageByType";

	static final String FUNNEL = "funnel";

	/** The funnel's stages in order; DORMANT sits beside it. */
	enum Stage {

		PROSPECT, CONTACTED, ENGAGED, PARTNER, DORMANT

	}

	private final JdbcClient jdbc;

	private final ReportsProperties properties;

	CoverageReport(JdbcClient jdbc, ReportsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The report's organizations per country (its first two columns: country, total)
	 * alone, without what was reached or went cold in the period: one count per country,
	 * no look at interactions.
	 */
	List<List<@Nullable Object>> organizationsByCountry(ReportFilter filter, CountryScope scope) {
		ReportSql sql = new ReportSql(filter, scope);
		String targets = filter.campaignId() == null ? ""
				: " AND o.id IN (SELECT t.organization_id FROM campaign_target t WHERE t.campaign_id = :campaign)";
		Tally countries = new Tally(1);
		this.jdbc
			.sql("SELECT o.country, COUNT(*) FROM organization o WHERE o.created_at < :end" + sql.countryIn("o.country")
					+ targets + " GROUP BY o.country")
			.params(sql.params())
			.query((rs) -> {
				countries.add(rs.getString(1), rs.getLong(2));
			});
		return countries.rows(false);
	}

	ReportData compute(ReportFilter filter, CountryScope scope, Instant now) {
		ReportSql sql = new ReportSql(filter, scope);
		Map<String, Object> params = sql.params();
		params.put("coldStart", ReportSql.startOf(filter.to().plusDays(1).minusDays(this.properties.coldAfterDays())));
		String targets = filter.campaignId() == null ? ""
				: " AND o.id IN (SELECT t.organization_id FROM campaign_target t WHERE t.campaign_id = :campaign)";
		Tally countries = new Tally(3);
		Tally types = new Tally(3);
		this.jdbc.sql("""
				SELECT o.country, o.type, COUNT(*) AS total,
				       SUM(CASE WHEN EXISTS (SELECT 1 FROM interaction i WHERE i.organization_id = o.id
				                 AND i.occurred_at >= :start AND i.occurred_at < :end) THEN 1 ELSE 0 END) AS reached,
				       SUM(CASE WHEN o.created_at < :coldStart AND NOT EXISTS (SELECT 1 FROM interaction i
				                 WHERE i.organization_id = o.id AND i.occurred_at >= :coldStart
				                 AND i.occurred_at < :end) THEN 1 ELSE 0 END) AS cold
				  FROM organization o
				 WHERE o.created_at < :end""" + sql.countryIn("o.country") + targets + "\n" + """
				GROUP BY o.country, o.type""").params(params).query((rs) -> {
			long[] values = { rs.getLong("total"), rs.getLong("reached"), rs.getLong("cold") };
			countries.add(rs.getString("country"), values);
			types.add(rs.getString("type"), values);
		});
		Map<Stage, Long> current = new EnumMap<>(Stage.class);
		this.jdbc
			.sql("SELECT o.stage, COUNT(*) FROM organization o WHERE o.created_at < :end" + sql.countryIn("o.country")
					+ targets + " GROUP BY o.stage")
			.params(params)
			.query((rs) -> {
				current.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
			});
		Map<Stage, Long> entered = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT s.to_stage, COUNT(*) FROM stage_change s JOIN organization o ON o.id = s.organization_id
					 WHERE s.from_stage IS NOT NULL AND s.changed_at >= :start AND s.changed_at < :end"""
					+ sql.countryIn("o.country") + targets + " GROUP BY s.to_stage")
			.params(params)
			.query((rs) -> {
				entered.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
			});

		List<List<@Nullable Object>> funnel = new java.util.ArrayList<>();
		for (Stage stage : Stage.values()) {
			funnel.add(
					FollowUpReport.row(stage.name(), current.getOrDefault(stage, 0L), entered.getOrDefault(stage, 0L)));
		}
		List<List<@Nullable Object>> byCountry = withShare(countries.rows(false));
		List<List<@Nullable Object>> byType = withShare(types.rows(false));
		long total = byCountry.stream().mapToLong((r) -> (Long) r.get(1)).sum();
		long reached = byCountry.stream().mapToLong((r) -> (Long) r.get(2)).sum();
		long cold = byCountry.stream().mapToLong((r) -> (Long) r.get(3)).sum();
		long conversions = entered.values().stream().mapToLong(Long::longValue).sum();

		List<ReportColumn> columns = List.of(ReportColumn.number("organizations"), ReportColumn.number("reached"),
				ReportColumn.number("goingCold"), ReportColumn.percent("reachedShare"));
		List<ReportFigure> figures = List.of(new ReportFigure("organizations", total),
				new ReportFigure("reached", reached), new ReportFigure("goingCold", cold),
				new ReportFigure("stageMoves", conversions));
		List<ReportTable> tables = List.of(
				new ReportTable(BY_COUNTRY, prepend(ReportColumn.code("country"), columns), byCountry),
				new ReportTable(BY_TYPE, prepend(ReportColumn.code("organizationType"), columns), byType),
				new ReportTable(FUNNEL, List.of(ReportColumn.code("stage"), ReportColumn.number("organizationsNow"),
						ReportColumn.number("enteredInPeriod")), funnel));
		List<ReportChart> charts = List.of(
				new ReportChart("chart.reachedByCountry", ReportChart.Kind.BAR, BY_COUNTRY, 0, 2),
				new ReportChart("chart.funnel", ReportChart.Kind.BAR, FUNNEL, 0, 1),
				new ReportChart("chart.byOrganizationType", ReportChart.Kind.PIE, BY_TYPE, 0, 1));
		return new ReportData(filter, scope, now, figures, tables, charts, total == 0);
	}

	private static List<ReportColumn> prepend(ReportColumn first, List<ReportColumn> rest) {
		List<ReportColumn> columns = new java.util.ArrayList<>();
		columns.add(first);
		columns.addAll(rest);
		return columns;
	}

	private static List<List<@Nullable Object>> withShare(List<List<@Nullable Object>> rows) {
		rows.forEach((row) -> {
			long total = (Long) row.get(1);
			row.add(total == 0 ? 0.0 : (double) (Long) row.get(2) / total);
		});
		return rows;
	}

}
