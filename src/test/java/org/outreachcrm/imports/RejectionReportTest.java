package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionReportTest {

	@Test
	void headersAndCellsFromTheFileThatLookLikeFormulasStayText() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RejectionReport.write(List.of("=HYPERLINK(\"http://x\")", "Name"),
				List.of(new ImportRuns.RejectedRow(2, List.of("@SUM(A1)", "Ana"),
						List.of(new ImportRuns.Reason(null, null, "bad")))),
				new RejectionReport.Wording("Rejected rows", "Row", "Reason", ImportRuns.Reason::sentence), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(0).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(0).getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void namesEveryReasonAfterItsColumnInTheWordsGiven() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<ImportRuns.Reason> reasons = new ArrayList<>(
				List.of(new ImportRuns.Reason("E-mail", new ImportText("code.a", List.of()), "English a"),
						new ImportRuns.Reason(null, null, "stored before keys")));
		RejectionReport.write(List.of("E-mail"), List.of(new ImportRuns.RejectedRow(7, List.of("x@"), reasons)),
				new RejectionReport.Wording("Odrzucone wiersze", "Wiersz", "Powód", (reason) -> reason.text() == null
						? reason.sentence() : "przetłumaczone " + reason.text().code()),
				out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Odrzucone wiersze");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Wiersz");
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Powód");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
				.isEqualTo("E-mail: przetłumaczone code.a; stored before keys");
		}
	}

}
