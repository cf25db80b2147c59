package org.outreachcrm.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.reports.ReportScenario.FROM;
import static org.outreachcrm.reports.ReportScenario.SCOPE;
import static org.outreachcrm.reports.ReportScenario.TO;
import static org.outreachcrm.reports.ReportScenario.filter;

@FlowTest
class ReportQueriesTest {

	@Autowired
	ReportQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ReportScenario scenario;

	@BeforeEach
	void seed() {
		this.scenario = ReportScenario.seed(this.jdbc, this.clock, ReportScenario.NOW);
	}

	@AfterEach
	void resetClock() {
		ReportScenario.resetClock(this.clock);
	}

	@Test
	void countsOutreachActivityByEveryBreakdownWithinTheScope() {
		ReportData report = this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY), SCOPE);

		assertThat(report.figure("interactions")).isEqualTo(3);
		assertThat(report.figure("previousInteractions")).isEqualTo(1);
		assertThat(report.figure("changeInteractions")).isEqualTo(2);
		assertThat(report.figure("newOrganizations")).isEqualTo(1);
		assertThat(report.figure("newContacts")).isEqualTo(1);
		assertThat(rows(report, ActivityReport.BY_STAFF)).containsExactly(List.of("Ana Seed", 2L, 2.0 / 3),
				List.of("Bogdan Seed", 1L, 1.0 / 3));
		assertThat(rows(report, ActivityReport.BY_COUNTRY)).containsExactly(List.of("TV", 2L, 2.0 / 3),
				List.of("NR", 1L, 1.0 / 3));
		assertThat(rows(report, ActivityReport.BY_ORGANIZATION_TYPE)).containsExactly(List.of("NGO", 2L, 2.0 / 3),
				List.of("FOUNDATION", 1L, 1.0 / 3));
		assertThat(rows(report, ActivityReport.BY_INTERACTION_TYPE)).containsExactly(List.of("CALL", 2L, 2.0 / 3),
				List.of("EMAIL", 1L, 1.0 / 3));
		assertThat(report.table(ActivityReport.BY_CAMPAIGN).orElseThrow().rows()).hasSize(2)
			.anySatisfy((row) -> assertThat(row).containsExactly("Spring drive", 1L, 1.0 / 3));
		assertThat(rows(report, ActivityReport.BY_DAY)).containsExactly(List.of(LocalDate.of(2031, 3, 3), 1L),
				List.of(LocalDate.of(2031, 3, 4), 1L), List.of(LocalDate.of(2031, 3, 5), 0L),
				List.of(LocalDate.of(2031, 3, 6), 0L), List.of(LocalDate.of(2031, 3, 7), 0L),
				List.of(LocalDate.of(2031, 3, 8), 0L), List.of(LocalDate.of(2031, 3, 9), 1L));
		assertThat(report.empty()).isFalse();
	}

	@Test
	void aScopedRunNeverCountsAnotherCountryEvenWhenAskedForIt() {
		ReportFilter askingForKi = new ReportFilter(ReportType.OUTREACH_ACTIVITY, FROM, TO, Set.of("KI", "TV"), null);
		ReportData scoped = this.queries.compute(askingForKi, SCOPE);
		assertThat(scoped.figure("interactions")).isEqualTo(2);
		assertThat(rows(scoped, ActivityReport.BY_COUNTRY)).extracting((row) -> row.get(0)).containsExactly("TV");

		for (ReportType type : ReportType.values()) {
			ReportData report = this.queries.compute(new ReportFilter(type, FROM, TO, Set.of("KI"), null), SCOPE);
			assertThat(report.empty()).as(type.name()).isTrue();
			report.tables()
				.forEach((table) -> assertThat(table.rows()).as(type + " " + table.key())
					.noneMatch((row) -> row.contains("KI") || row.contains("Outside Org")));
		}
		ReportData nothing = this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY), CountryScope.of(Set.of()));
		assertThat(nothing.figure("interactions")).isZero();

		ReportData everything = this.queries.compute(
				new ReportFilter(ReportType.OUTREACH_ACTIVITY, FROM, TO, Set.of("TV", "NR", "KI"), null),
				CountryScope.everything());
		assertThat(everything.figure("interactions")).isEqualTo(6);
		assertThat(everything.figure("previousInteractions")).isEqualTo(6);
	}

	@Test
	void filtersByCampaign() {
		ReportData report = this.queries
			.compute(new ReportFilter(ReportType.OUTREACH_ACTIVITY, FROM, TO, Set.of(), this.scenario.campaign), SCOPE);
		assertThat(report.figure("interactions")).isEqualTo(1);
		assertThat(rows(report, ActivityReport.BY_CAMPAIGN)).containsExactly(List.of("Spring drive", 1L, 1.0));
	}

	@Test
	void listsOverdueAndDueSoonFollowUpsPerStaffOldestFirst() {
		ReportData report = this.queries.compute(filter(ReportType.FOLLOW_UPS), SCOPE);

		assertThat(report.figure("overdue")).isEqualTo(2);
		assertThat(report.figure("dueSoon")).isEqualTo(1);
		assertThat(report.figure("followUpsSet")).isEqualTo(5);
		assertThat(report.figure("followUpsCompleted")).isEqualTo(1);
		assertThat(rows(report, FollowUpReport.BY_STAFF)).containsExactly(
				List.of("Ana Seed", 1L, 1L, LocalDate.of(2031, 3, 1)),
				List.of("Bogdan Seed", 1L, 0L, LocalDate.of(2031, 3, 5)));
		List<List<Object>> open = rows(report, FollowUpReport.OPEN);
		assertThat(open).extracting((row) -> row.get(0))
			.containsExactly(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 12));
		assertThat(open.get(0)).containsExactly(LocalDate.of(2031, 3, 1), 9L, "Ana Seed", ReportScenario.EVIL, "TV",
				"@SUM(A1)");
	}

	@Test
	void measuresCoverageGoingColdAndTheStageFunnel() {
		ReportData report = this.queries.compute(filter(ReportType.COVERAGE), SCOPE);

		assertThat(report.figure("organizations")).isEqualTo(3);
		assertThat(report.figure("reached")).isEqualTo(2);
		assertThat(report.figure("goingCold")).isEqualTo(1);
		assertThat(report.figure("stageMoves")).isEqualTo(1);
		assertThat(rows(report, CoverageReport.BY_COUNTRY)).containsExactly(List.of("TV", 2L, 1L, 1L, 0.5),
				List.of("NR", 1L, 1L, 0L, 1.0));
		assertThat(rows(report, CoverageReport.FUNNEL)).containsExactly(List.of("PROSPECT", 1L, 0L),
				List.of("CONTACTED", 1L, 0L), List.of("ENGAGED", 0L, 0L), List.of("PARTNER", 1L, 1L),
				List.of("DORMANT", 0L, 0L));
	}

	@Test
	void countsInvitationsAndAttendancePerMeetingCountryAndType() {
		ReportData report = this.queries.compute(filter(ReportType.MEETINGS), SCOPE);

		assertThat(report.figure("meetings")).isEqualTo(1);
		assertThat(report.figure("invitations")).isEqualTo(2);
		assertThat(report.figure("attended")).isEqualTo(1);
		assertThat(rows(report, MeetingsReport.BY_MEETING))
			.containsExactly(List.of("Regional summit", LocalDate.of(2031, 3, 5), 2L, 1L, 1L, 1L, 0L, 0.5));
		assertThat(rows(report, MeetingsReport.BY_COUNTRY))
			.containsExactlyInAnyOrder(List.of("TV", 1L, 1L, 0L, 1L, 0L, 1.0), List.of("NR", 1L, 0L, 1L, 0L, 0L, 0.0));
	}

	@SuppressWarnings("unchecked")
	static List<List<Object>> rows(ReportData report, String table) {
		return (List<List<Object>>) (List<?>) report.table(table).orElseThrow().rows();
	}

}
