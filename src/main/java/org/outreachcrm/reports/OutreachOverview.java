package org.outreachcrm.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outreach of a period at a glance, for the managers' home page. Every number comes
 * from the reports' own queries ({@link ReportQueries#compute}) for the same period and
 * scope, so the home page and the report never disagree.
 */
@Service
@Transactional(readOnly = true)
public class OutreachOverview {

	private final ReportQueries queries;

	private final Clock clock;

	OutreachOverview(ReportQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * The period a report of {@code period} would cover today (UTC days, as reports count
	 * them), so that the home page shows what that report shows.
	 */
	public Overview of(ReportPeriod period, CountryScope scope) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		return compute(period.from(today), period.to(today), scope);
	}

	/** The figures and breakdowns of the period from {@code from} to {@code to}. */
	public Overview compute(LocalDate from, LocalDate to, CountryScope scope) {
		ReportFilter activityFilter = filter(ReportType.OUTREACH_ACTIVITY, from, to);
		ReportData activity = this.queries.compute(activityFilter, scope);
		ReportData previousActivity = this.queries.compute(activityFilter.previous(), scope);
		ReportData followUps = this.queries.compute(filter(ReportType.FOLLOW_UPS, from, to), scope);
		long days = activityFilter.days();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		ReportData upcoming = this.queries.compute(filter(ReportType.MEETINGS, today, today.plusDays(days - 1)), scope);
		ReportData held = this.queries.compute(filter(ReportType.MEETINGS, from, to), scope);
		ReportData coverage = this.queries.compute(filter(ReportType.COVERAGE, from, to), scope);
		return new Overview(from, to,
				new Figure(activity.figure("interactions"), activity.figure("previousInteractions")),
				new Figure(activity.figure("newOrganizations"), previousActivity.figure("newOrganizations")),
				new Figure(followUps.figure("overdue"), null),
				new Figure(upcoming.figure("meetings"), held.figure("meetings")),
				weeks(activity.table(ActivityReport.BY_DAY).map(ReportTable::rows).orElse(List.of())),
				counts(activity, ActivityReport.BY_INTERACTION_TYPE), counts(activity, ActivityReport.BY_COUNTRY),
				counts(coverage, CoverageReport.BY_COUNTRY));
	}

	private static ReportFilter filter(ReportType type, LocalDate from, LocalDate to) {
		return new ReportFilter(type, from, to, Set.of(), null);
	}

	private static List<Count> counts(ReportData data, String table) {
		List<Count> counts = new ArrayList<>();
		data.table(table).ifPresent((t) -> t.rows().forEach((row) -> {
			Object key = row.get(0);
			if (key != null && row.get(1) instanceof Number n) {
				counts.add(new Count(key.toString(), n.longValue()));
			}
		}));
		return counts;
	}

	// interactions per week (starting on Monday) from the report's interactions per day
	private static List<Count> weeks(List<List<@Nullable Object>> days) {
		Map<LocalDate, Long> weeks = new TreeMap<>();
		for (List<@Nullable Object> row : days) {
			if (row.get(0) instanceof LocalDate day && row.get(1) instanceof Number n) {
				weeks.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), n.longValue(), Long::sum);
			}
		}
		return weeks.entrySet().stream().map((e) -> new Count(e.getKey().toString(), e.getValue())).toList();
	}

	/**
	 * The period's outreach: headline figures with the period before, and breakdowns
	 * (week start, interaction type code or country code with its count).
	 */
	public record Overview(LocalDate from, LocalDate to, Figure interactions, Figure newOrganizations,
			Figure overdueFollowUps, Figure meetings, List<Count> byWeek, List<Count> byType, List<Count> byCountry,
			List<Count> organizationsByCountry) {

		/** The largest count of a list, for drawing bars (at least 1). */
		public long max(List<Count> counts) {
			return Math.max(1, counts.stream().mapToLong(Count::value).max().orElse(1));
		}

	}

	/** A figure and the same figure for the period before (null: not comparable). */
	public record Figure(long value, @Nullable Long previous) {

		/** The change against the period before, or null. */
		public @Nullable Long change() {
			return this.previous == null ? null : this.value - this.previous;
		}

	}

	/** A count of one key of a breakdown. */
	public record Count(String key, long value) {

		/** The week's first day, for counts keyed by week. */
		public LocalDate week() {
			return LocalDate.parse(this.key);
		}

	}

}
