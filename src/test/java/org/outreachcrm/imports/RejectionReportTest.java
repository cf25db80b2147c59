package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
				List.of(new ImportRuns.RejectedRow(2, List.of("@SUM(A1)", "Ana"), "bad")), out);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(0).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(0).getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

}
