package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads Excel 97-2003 workbooks with HSSF, which holds the whole workbook in memory; the
 * file size limit keeps that bounded.
 */
final class XlsReader implements SpreadsheetReader {

	private final String fileName;

	private final HSSFWorkbook workbook;

	private final List<String> sheetNames;

	private final int maxCellChars;

	XlsReader(Path file, String fileName, ReadingLimits limits) {
		this.fileName = fileName;
		this.maxCellChars = limits.maxCellChars();
		SizeLimit.check(file, fileName, SpreadsheetFormat.XLS, limits.maxXlsBytes());
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			this.workbook = new HSSFWorkbook(fs.getRoot(), false);
			List<String> names = new ArrayList<>();
			for (int i = 0; i < this.workbook.getNumberOfSheets(); i++) {
				names.add(this.workbook.getSheetName(i));
			}
			this.sheetNames = List.copyOf(names);
		}
		catch (IOException | RuntimeException ex) {
			throw PoiFailures.translate(ex, fileName, SpreadsheetFormat.XLS);
		}
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public SpreadsheetFormat format() {
		return SpreadsheetFormat.XLS;
	}

	@Override
	public List<String> sheetNames() {
		return this.sheetNames;
	}

	@Override
	public SheetRows rows(int index) {
		if (index < 0 || index >= this.sheetNames.size()) {
			throw new SpreadsheetException(ReadingMessage.NO_SUCH_SHEET, this.fileName, index + 1);
		}
		try {
			boolean date1904 = this.workbook.getInternalWorkbook().isUsing1904DateWindowing();
			return new PoiSheetRows(this.sheetNames.get(index), this.workbook.getSheetAt(index).rowIterator(),
					new PoiCells(date1904), this.fileName, SpreadsheetFormat.XLS, this.maxCellChars);
		}
		catch (RuntimeException ex) {
			throw PoiFailures.translate(ex, this.fileName, SpreadsheetFormat.XLS);
		}
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			// Read-only: nothing is lost when closing fails.
		}
	}

}
