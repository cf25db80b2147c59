package org.outreachcrm.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
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
 * from the reports' own queries (the ones {@link ReportQueries#compute} runs) for the
 * same period and scope, so the home page and the report never disagree; only the queries
 * of the numbers shown run, so the page stays fast whatever the data's size.
 */
@Service
@Transactional(readOnly = true)
public class OutreachOverview {

	private final ActivityReport activity;

	private final FollowUpReport followUps;

	private final MeetingsReport meetings;

	private final CoverageReport coverage;

	private final Clock clock;

	OutreachOverview(ActivityReport activity, FollowUpReport followUps, MeetingsReport meetings,
			CoverageReport coverage, Clock clock) {
		this.activity = activity;
		this.followUps = followUps;
		this.meetings = meetings;
		this.coverage = coverage;
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

	/**
	 * The figures and breakdowns of the period from {@code from} to {@code to}: each one
	 * by the query its report computes it with, and only those (a report's other tables
	 * read far more rows than a glance needs).
	 */
	public Overview compute(LocalDate from, LocalDate to, CountryScope scope) {
		Instant now = this.clock.instant();
		ReportFilter activityFilter = filter(ReportType.OUTREACH_ACTIVITY, from, to);
		ReportData activity = this.activity.glance(activityFilter, scope, now);
		long previousNewOrganizations = this.activity.newOrganizations(activityFilter.previous(), scope);
		long overdue = this.followUps.overdue(filter(ReportType.FOLLOW_UPS, from, to), scope, now);
		long days = activityFilter.days();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		ReportData upcoming = this.meetings.compute(filter(ReportType.MEETINGS, today, today.plusDays(days - 1)), scope,
				now);
		ReportData held = this.meetings.compute(filter(ReportType.MEETINGS, from, to), scope, now);
		return new Overview(from, to,
				new Figure(activity.figure("interactions"), activity.figure("previousInteractions")),
				new Figure(activity.figure("newOrganizations"), previousNewOrganizations), new Figure(overdue, null),
				new Figure(upcoming.figure("meetings"), held.figure("meetings")),
				weeks(activity.table(ActivityReport.BY_DAY).map(ReportTable::rows).orElse(List.of())),
				counts(activity, ActivityReport.BY_INTERACTION_TYPE), counts(activity, ActivityReport.BY_COUNTRY));
	}

	/**
	 * Organizations per country as the coverage report of {@code period} counts them
	 * (every organization created before its end). It reads an index entry per
	 * organization, so the home page asks for it after the page itself.
	 */
	public List<Count> organizationsByCountry(ReportPeriod period, CountryScope scope) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		return counts(this.coverage
			.organizationsByCountry(filter(ReportType.COVERAGE, period.from(today), period.to(today)), scope));
	}

	private static ReportFilter filter(ReportType type, LocalDate from, LocalDate to) {
		return new ReportFilter(type, from, to, Set.of(), null);
	}

	private static List<Count> counts(ReportData data, String table) {
		return counts(data.table(table).map(ReportTable::rows).orElse(List.of()));
	}

	private static List<Count> counts(List<List<@Nullable Object>> rows) {
		List<Count> counts = new ArrayList<>();
		rows.forEach((row) -> {
			Object key = row.get(0);
			if (key != null && row.get(1) instanceof Number n) {
				counts.add(new Count(key.toString(), n.longValue()));
			}
		});
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
			Figure overdueFollowUps, Figure meetings, List<Count> byWeek, List<Count> byType, List<Count> byCountry) {

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
