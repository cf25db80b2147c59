package org.outreachcrm.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.outreachcrm.shared.SpreadsheetText;

/**
 * The rejected rows of an import as an XLSX: the file's own columns, the row number and
 * the reason, so that the admin can fix the rows and import them again. Every cell is
 * text, and text that a spreadsheet would read as a formula stays literal. Its own words
 * (sheet name, headers, reasons) are in the language of whoever downloads it.
 */
final class RejectionReport {

	private RejectionReport() {
	}

	static void write(List<String> headers, List<ImportRuns.RejectedRow> rows, Wording wording, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(wording.sheetName());
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			SpreadsheetText text = new SpreadsheetText(workbook);
			Row header = sheet.createRow(0);
			cell(header, 0, wording.rowHeader(), bold);
			for (int i = 0; i < headers.size(); i++) {
				// the file's own headers are imported text: they may look like formulas
				// too
				Cell cell = header.createCell(i + 1);
				text.set(cell, headers.get(i));
				if (!SpreadsheetText.looksLikeFormula(headers.get(i))) {
					cell.setCellStyle(bold);
				}
			}
			int reasonColumn = headers.size() + 1;
			cell(header, reasonColumn, wording.reasonHeader(), bold);
			int r = 1;
			for (ImportRuns.RejectedRow rejected : rows) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(rejected.rowNumber());
				for (int i = 0; i < rejected.cells().size(); i++) {
					text.set(row.createCell(i + 1), rejected.cells().get(i));
				}
				text.set(row.createCell(reasonColumn), reason(rejected, wording));
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
	}

	/** All reasons of a row, each after the column it concerns. */
	private static String reason(ImportRuns.RejectedRow rejected, Wording wording) {
		return rejected.reasons()
			.stream()
			.map((reason) -> (reason.column() == null ? "" : reason.column() + ": ") + wording.reason().apply(reason))
			.collect(Collectors.joining("; "));
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/**
	 * The report's words in the reader's language: the sheet's name, the headers of the
	 * row number and reason columns, and how a stored reason reads.
	 */
	record Wording(String sheetName, String rowHeader, String reasonHeader,
			Function<ImportRuns.Reason, String> reason) {
	}

}
