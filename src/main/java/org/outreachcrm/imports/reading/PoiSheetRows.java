package org.outreachcrm.imports.reading;

import java.util.Iterator;

import org.apache.poi.ss.usermodel.Row;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an Apache POI sheet. Errors part way through (a truncated XLSX stream)
 * become {@link SpreadsheetException}s naming the file as damaged.
 */
final class PoiSheetRows extends LookaheadRows {

	private final Iterator<Row> rows;

	private final PoiCells cells;

	private final RowAssembler assembler;

	private final String fileName;

	private final SpreadsheetFormat format;

	PoiSheetRows(String sheetName, Iterator<Row> rows, PoiCells cells, String fileName, SpreadsheetFormat format,
			int maxCellChars) {
		super(sheetName);
		this.assembler = new RowAssembler(maxCellChars);
		this.rows = rows;
		this.cells = cells;
		this.fileName = fileName;
		this.format = format;
	}

	@Override
	protected @Nullable SheetRow readNext() {
		try {
			while (this.rows.hasNext()) {
				Row row = this.rows.next();
				this.cells.addRow(row, this.assembler);
				SheetRow assembled = this.assembler.finish(row.getRowNum() + 1);
				if (assembled != null) {
					return assembled;
				}
			}
			return null;
		}
		catch (RuntimeException ex) {
			throw PoiFailures.translate(ex, this.fileName, this.format);
		}
	}

	@Override
	public void close() {
		if (this.rows instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing was written; a failed close of a read-only stream loses
				// nothing.
			}
		}
	}

}
