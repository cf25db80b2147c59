package org.outreachcrm.reports;

import java.time.LocalDate;

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

}
