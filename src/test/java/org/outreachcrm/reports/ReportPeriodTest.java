package org.outreachcrm.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The periods offered on the report forms, counted from a Wednesday in mid-May. */
class ReportPeriodTest {

	private static final LocalDate WEDNESDAY = LocalDate.of(2031, 5, 14);

	@Test
	void lastDaysAreWholeDaysBeforeToday() {
		assertThat(ReportPeriod.LAST_7_DAYS.from(WEDNESDAY)).isEqualTo("2031-05-07");
		assertThat(ReportPeriod.LAST_7_DAYS.to(WEDNESDAY)).isEqualTo("2031-05-13");
		assertThat(ReportPeriod.LAST_30_DAYS.from(WEDNESDAY)).isEqualTo("2031-04-14");
		assertThat(ReportPeriod.LAST_30_DAYS.to(WEDNESDAY)).isEqualTo("2031-05-13");
	}

	@Test
	void thisMonthAndQuarterRunUpToToday() {
		assertThat(ReportPeriod.THIS_MONTH.from(WEDNESDAY)).isEqualTo("2031-05-01");
		assertThat(ReportPeriod.THIS_MONTH.to(WEDNESDAY)).isEqualTo(WEDNESDAY);
		assertThat(ReportPeriod.THIS_QUARTER.from(WEDNESDAY)).isEqualTo("2031-04-01");
		assertThat(ReportPeriod.THIS_QUARTER.to(WEDNESDAY)).isEqualTo(WEDNESDAY);
	}

	@Test
	void previousWeekMonthAndQuarterAreWhole() {
		assertThat(ReportPeriod.LAST_WEEK.from(WEDNESDAY)).isEqualTo("2031-05-05");
		assertThat(ReportPeriod.LAST_WEEK.to(WEDNESDAY)).isEqualTo("2031-05-11");
		assertThat(ReportPeriod.LAST_MONTH.from(WEDNESDAY)).isEqualTo("2031-04-01");
		assertThat(ReportPeriod.LAST_MONTH.to(WEDNESDAY)).isEqualTo("2031-04-30");
		assertThat(ReportPeriod.QUARTER.from(WEDNESDAY)).isEqualTo("2031-01-01");
		assertThat(ReportPeriod.QUARTER.to(WEDNESDAY)).isEqualTo("2031-03-31");
	}

	@Test
	void previousMonthAndQuarterReachBackOverTheYearsEnd() {
		LocalDate january5 = LocalDate.of(2027, 1, 5);
		assertThat(ReportPeriod.LAST_MONTH.from(january5)).isEqualTo("2026-12-01");
		assertThat(ReportPeriod.LAST_MONTH.to(january5)).isEqualTo("2026-12-31");
		assertThat(ReportPeriod.QUARTER.from(january5)).isEqualTo("2026-10-01");
		assertThat(ReportPeriod.QUARTER.to(january5)).isEqualTo("2026-12-31");
		assertThat(ReportPeriod.THIS_QUARTER.from(january5)).isEqualTo("2027-01-01");
		assertThat(ReportPeriod.THIS_QUARTER.to(january5)).isEqualTo(january5);
		assertThat(ReportPeriod.THIS_MONTH.from(january5)).isEqualTo("2027-01-01");
		assertThat(ReportPeriod.LAST_7_DAYS.from(january5)).isEqualTo("2026-12-29");
		assertThat(ReportPeriod.LAST_7_DAYS.to(january5)).isEqualTo("2027-01-04");
		assertThat(ReportPeriod.LAST_30_DAYS.from(january5)).isEqualTo("2026-12-06");
		assertThat(ReportPeriod.LAST_30_DAYS.to(january5)).isEqualTo("2027-01-04");
		assertThat(ReportPeriod.LAST_WEEK.from(january5)).isEqualTo("2026-12-28");
		assertThat(ReportPeriod.LAST_WEEK.to(january5)).isEqualTo("2027-01-03");
	}

	@Test
	void monthsOfUnequalLengthAndLeapYearsKeepWholeMonths() {
		assertThat(ReportPeriod.LAST_MONTH.from(LocalDate.of(2028, 3, 31))).isEqualTo("2028-02-01");
		assertThat(ReportPeriod.LAST_MONTH.to(LocalDate.of(2028, 3, 31))).isEqualTo("2028-02-29");
		assertThat(ReportPeriod.LAST_MONTH.to(LocalDate.of(2027, 3, 1))).isEqualTo("2027-02-28");
		assertThat(ReportPeriod.QUARTER.from(LocalDate.of(2027, 3, 31))).isEqualTo("2026-10-01");
		assertThat(ReportPeriod.QUARTER.from(LocalDate.of(2027, 4, 1))).isEqualTo("2027-01-01");
		assertThat(ReportPeriod.QUARTER.to(LocalDate.of(2027, 4, 1))).isEqualTo("2027-03-31");
		assertThat(ReportPeriod.THIS_QUARTER.from(LocalDate.of(2027, 12, 31))).isEqualTo("2027-10-01");
	}

	@Test
	void theLastDaysCountExactlySevenAndThirtyDays() {
		for (LocalDate day = LocalDate.of(2026, 12, 20); day
			.isBefore(LocalDate.of(2027, 1, 10)); day = day.plusDays(1)) {
			assertThat(
					ChronoUnit.DAYS.between(ReportPeriod.LAST_7_DAYS.from(day), ReportPeriod.LAST_7_DAYS.to(day)) + 1)
				.isEqualTo(7);
			assertThat(
					ChronoUnit.DAYS.between(ReportPeriod.LAST_30_DAYS.from(day), ReportPeriod.LAST_30_DAYS.to(day)) + 1)
				.isEqualTo(30);
		}
	}

}
