package org.outreachcrm.imports.mapping;

/**
 * Where the header row of an import was found, and the mapping it gives.
 *
 * @param sheetIndex 0-based index of the sheet in the workbook
 * @param sheetName the sheet's name
 * @param rowNumber the header row's number in the file, 1-based; data starts below it
 * @param mapping the columns recognized from the headers
 */
public record HeaderLocation(int sheetIndex, String sheetName, int rowNumber, ColumnMapping mapping) {

	/** Number of recognized columns, by which candidate rows compete. */
	public int score() {
		return this.mapping.size();
	}

}
