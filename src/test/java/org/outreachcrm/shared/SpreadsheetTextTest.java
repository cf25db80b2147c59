package org.outreachcrm.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

	@Test
	void recognizesEveryFormulaStart() {
		assertThat(SpreadsheetText.looksLikeFormula("=1+1")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("+48 22")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("-2")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("@SUM(A1)")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("\tx")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("\rx")).isTrue();
		assertThat(SpreadsheetText.looksLikeFormula("Łódź =1")).isFalse();
		assertThat(SpreadsheetText.looksLikeFormula("")).isFalse();
		assertThat(SpreadsheetText.looksLikeFormula(null)).isFalse();
	}

	@Test
	void keepsFormulaLikeTextAsQuotedStringAndLeavesOtherTextPlain() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			SpreadsheetText text = new SpreadsheetText(workbook);
			var row = workbook.createSheet().createRow(0);
			Cell formula = row.createCell(0);
			Cell plain = row.createCell(1);
			text.set(formula, "=HYPERLINK(\"http://evil.example\",\"x\")");
			text.set(plain, "Fundația");

			assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

}
