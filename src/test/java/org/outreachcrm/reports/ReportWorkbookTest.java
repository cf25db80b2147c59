package org.outreachcrm.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.reports.ReportScenario.SCOPE;
import static org.outreachcrm.reports.ReportScenario.filter;

/** Writes the scenario's reports as XLSX and reads every figure back with POI. */
@FlowTest
class ReportWorkbookTest {

	@Autowired
	ReportQueries queries;

	@Autowired
	ReportWorkbook workbooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void seed() {
		ReportScenario.seed(this.jdbc, this.clock, ReportScenario.NOW);
	}

	@AfterEach
	void resetClock() {
		ReportScenario.resetClock(this.clock);
	}

	@Test
	void activityWorkbookHasSummaryChartsAndOneFilterableSheetPerBreakdown() throws Exception {
		try (XSSFWorkbook book = write(ReportType.OUTREACH_ACTIVITY)) {
			assertThat(book.getNumberOfSheets()).isEqualTo(7);
			XSSFSheet summary = book.getSheet("Summary");
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Outreach activity");
			assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("3 Mar 2031 – 9 Mar 2031");
			assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Nauru (NR), Tuvalu (TV)");
			assertThat(figure(summary, "Interactions in the period")).isEqualTo(3);
			assertThat(figure(summary, "Interactions in the previous period")).isEqualTo(1);
			assertThat(figure(summary, "New organizations")).isEqualTo(1);
			assertThat(figure(summary, "New contacts")).isEqualTo(1);
			assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(3);
			assertThat(summary.getDrawingPatriarch().getCharts().get(0).getCTChart().getPlotArea().getLineChartList())
				.hasSize(1);
			assertThat(summary.getDrawingPatriarch().getCharts().get(1).getCTChart().getPlotArea().getBarChartList())
				.hasSize(1);
			assertThat(summary.getDrawingPatriarch().getCharts().get(2).getCTChart().getPlotArea().getPieChartList())
				.hasSize(1);

			XSSFSheet staff = book.getSheet("By staff member");
			assertThat(staff.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Staff member");
			assertThat(staff.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Ana Seed");
			assertThat(staff.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(staff.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(staff.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1);
			assertThat(staff.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2.0 / 3);
			assertThat(staff.getPaneInformation().isFreezePane()).isTrue();
			assertThat(staff.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(staff.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
			assertThat(staff.getColumnWidth(0)).isGreaterThan(8 * 256);

			XSSFSheet types = book.getSheet("By interaction type");
			assertThat(types.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Call");

			XSSFSheet days = book.getSheet("By day");
			Cell day = days.getRow(1).getCell(0);
			assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
			assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2031, 3, 3));
		}
	}

	@Test
	void textFromUsersThatLooksLikeAFormulaStaysLiteralText() throws Exception {
		try (XSSFWorkbook book = write(ReportType.FOLLOW_UPS)) {
			XSSFSheet open = book.getSheet("Open follow-ups");
			Cell organization = open.getRow(1).getCell(3);
			assertThat(organization.getCellType()).isEqualTo(CellType.STRING);
			assertThat(organization.getStringCellValue()).isEqualTo(ReportScenario.EVIL);
			assertThat(organization.getCellStyle().getQuotePrefixed()).isTrue();
			Cell note = open.getRow(1).getCell(5);
			assertThat(note.getCellType()).isEqualTo(CellType.STRING);
			assertThat(note.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(open.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(9);
			assertThat(DateUtil.isCellDateFormatted(open.getRow(1).getCell(0))).isTrue();
			XSSFSheet summary = book.getSheet("Summary");
			assertThat(figure(summary, "Overdue follow-ups")).isEqualTo(2);
			assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(2);
		}
	}

	@Test
	void coverageAndMeetingsWorkbooksCarryTheirFigures() throws Exception {
		try (XSSFWorkbook book = write(ReportType.COVERAGE)) {
			XSSFSheet summary = book.getSheet("Summary");
			assertThat(figure(summary, "Organizations")).isEqualTo(3);
			assertThat(figure(summary, "Going cold (no contact in 90 days)")).isEqualTo(1);
			XSSFSheet funnel = book.getSheet("Partnership funnel");
			assertThat(funnel.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Partner");
			assertThat(funnel.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1);
		}
		try (XSSFWorkbook book = write(ReportType.MEETINGS)) {
			XSSFSheet meetings = book.getSheet("Per meeting");
			assertThat(meetings.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Regional summit");
			assertThat(meetings.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2);
			assertThat(meetings.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1);
		}
	}

	@Test
	void headersFollowTheReadersLanguage() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.workbooks.write(this.queries.compute(filter(ReportType.OUTREACH_ACTIVITY), SCOPE),
				Locale.forLanguageTag("pl"), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(book.getSheetName(0)).isEqualTo("Podsumowanie");
			assertThat(book.getSheet("Według pracownika").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("Pracownik");
		}
	}

	private XSSFWorkbook write(ReportType type) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.workbooks.write(this.queries.compute(filter(type), SCOPE), Locale.ENGLISH, out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static double figure(XSSFSheet summary, String label) {
		for (int r = 0; r <= summary.getLastRowNum(); r++) {
			var row = summary.getRow(r);
			if (row != null && row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no figure " + label);
	}

}
