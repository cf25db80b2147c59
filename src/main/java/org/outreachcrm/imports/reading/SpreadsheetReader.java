package org.outreachcrm.imports.reading;

import java.util.List;

/**
 * An open spreadsheet file: its sheets and, one sheet at a time, its rows. Rows are read
 * lazily where the format allows it (XLSX and CSV are streamed). Close the reader to
 * release the file.
 */
public interface SpreadsheetReader extends AutoCloseable {

	/** The name the user knows the file by, used in messages. */
	String fileName();

	SpreadsheetFormat format();

	/** The sheet names in workbook order; a CSV file has a single sheet. */
	List<String> sheetNames();

	/**
	 * Starts reading the rows of the sheet at {@code index} (0-based). Each call starts
	 * from the top of the sheet again.
	 * @throws SpreadsheetException if there is no such sheet or it cannot be read
	 */
	SheetRows rows(int index);

	/** Starts reading the rows of the named sheet. */
	default SheetRows rows(String sheetName) {
		int index = sheetNames().indexOf(sheetName);
		if (index < 0) {
			throw new SpreadsheetException(ReadingMessage.NO_SUCH_SHEET, fileName(), sheetName);
		}
		return rows(index);
	}

	@Override
	void close();

}
