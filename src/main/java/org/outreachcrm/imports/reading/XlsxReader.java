package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.pjfanning.xlsx.SharedStringsImplementationType;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams XLSX sheets with excel-streaming-reader (StAX over the sheet XML, a small row
 * cache), so memory does not grow with the number of rows. The package is opened by
 * Apache POI, whose zip-bomb limits and XXE-safe XML parsing stay at their defaults.
 */
final class XlsxReader implements SpreadsheetReader {

	private final String fileName;

	private final Workbook workbook;

	private final List<String> sheetNames;

	XlsxReader(Path file, String fileName) {
		this.fileName = fileName;
		try {
			this.workbook = StreamingReader.builder()
				.rowCacheSize(100)
				.bufferSize(8192)
				.setSharedStringsImplementationType(SharedStringsImplementationType.POI_READ_ONLY)
				.setReadStyles(true)
				.setReadComments(false)
				.setReadHyperlinks(false)
				.setReadShapes(false)
				.setReadCoreProperties(false)
				.open(file.toFile());
			List<String> names = new ArrayList<>();
			for (int i = 0; i < this.workbook.getNumberOfSheets(); i++) {
				names.add(this.workbook.getSheetName(i));
			}
			this.sheetNames = List.copyOf(names);
		}
		catch (RuntimeException ex) {
			throw PoiFailures.translate(ex, fileName, SpreadsheetFormat.XLSX);
		}
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public SpreadsheetFormat format() {
		return SpreadsheetFormat.XLSX;
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
			Sheet sheet = this.workbook.getSheetAt(index);
			boolean date1904 = this.workbook instanceof Date1904Support support && support.isDate1904();
			return new PoiSheetRows(this.sheetNames.get(index), sheet.rowIterator(), new PoiCells(date1904),
					this.fileName, SpreadsheetFormat.XLSX);
		}
		catch (RuntimeException ex) {
			throw PoiFailures.translate(ex, this.fileName, SpreadsheetFormat.XLSX);
		}
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException | RuntimeException ex) {
			// Read-only: nothing is lost when closing fails.
		}
	}

}
