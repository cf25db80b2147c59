package org.outreachcrm.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes user-supplied text into spreadsheet cells so that it stays text: a value that
 * starts like a formula ({@code = + - @}, tab, carriage return) gets the quote-prefix
 * style, so that spreadsheet programs never evaluate it, even after the cell is edited or
 * the sheet is saved as CSV. One instance per workbook (it holds the cell style).
 */
public final class SpreadsheetText {

	private final CellStyle quoted;

	public SpreadsheetText(Workbook workbook) {
		this.quoted = workbook.createCellStyle();
		this.quoted.setQuotePrefixed(true);
	}

	/** Whether a spreadsheet program could take this text for a formula. */
	public static boolean looksLikeFormula(@Nullable String text) {
		return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
	}

	/** Sets the text as a string cell; formula-like text is marked as quoted text. */
	public void set(Cell cell, @Nullable String text) {
		if (text == null) {
			cell.setBlank();
			return;
		}
		cell.setCellValue(text);
		if (looksLikeFormula(text)) {
			cell.setCellStyle(this.quoted);
		}
	}

}
