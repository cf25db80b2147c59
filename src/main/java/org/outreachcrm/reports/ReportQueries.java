package org.outreachcrm.reports;

import java.time.Clock;
import java.util.List;

import org.outreachcrm.shared.CountryScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes any report for a filter within a country scope, aggregating in SQL. */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

	private final ActivityReport activity;

	private final FollowUpReport followUps;

	private final CoverageReport coverage;

	private final MeetingsReport meetings;

	private final Clock clock;

	private final JdbcClient jdbc;

	ReportQueries(ActivityReport activity, FollowUpReport followUps, CoverageReport coverage, MeetingsReport meetings,
			Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.activity = activity;
		this.followUps = followUps;
		this.coverage = coverage;
		this.meetings = meetings;
		this.clock = clock;
	}

	/** The report the filter asks for, counting only what the scope may see. */
	public ReportData compute(ReportFilter filter, CountryScope scope) {
		return switch (filter.type()) {
			case OUTREACH_ACTIVITY -> this.activity.compute(filter, scope, this.clock.instant());
			case FOLLOW_UPS -> this.followUps.compute(filter, scope, this.clock.instant());
			case COVERAGE -> this.coverage.compute(filter, scope, this.clock.instant());
			case MEETINGS -> this.meetings.compute(filter, scope, this.clock.instant());
		};
	}

	/** Campaigns to filter by, newest first (at most 500). */
	public List<CampaignOption> campaigns() {
		return this.jdbc.sql("SELECT id, name FROM campaign ORDER BY starts_on DESC, id DESC LIMIT 500")
			.query((rs, i) -> new CampaignOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** A campaign in the report filter's choice list. */
	public record CampaignOption(long id, String name) {
	}

}
