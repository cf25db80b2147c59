package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads OpenDocument spreadsheets with SODS, which loads the whole document and slows
 * down quadratically with the rows: the file size and the declared unpacked size of its
 * content are limited before it starts (see {@link ReadingLimits}).
 */
final class OdsReader implements SpreadsheetReader {

	private final String fileName;

	private final SpreadSheet document;

	private final List<String> sheetNames;

	private final int maxCellChars;

	OdsReader(Path file, String fileName, ReadingLimits limits) {
		this.fileName = fileName;
		this.maxCellChars = limits.maxCellChars();
		SizeLimit.check(file, fileName, SpreadsheetFormat.ODS, limits.maxOdsBytes());
		checkUnpackedSize(file, fileName, limits.maxOdsContentBytes());
		try {
			this.document = new SpreadSheet(file.toFile());
			List<String> names = new ArrayList<>();
			for (Sheet sheet : this.document.getSheets()) {
				names.add(sheet.getName());
			}
			this.sheetNames = List.copyOf(names);
		}
		catch (IOException | RuntimeException ex) {
			throw new SpreadsheetException(ReadingMessage.DAMAGED, ex, fileName, SpreadsheetFormat.ODS.description());
		}
	}

	/**
	 * Refuses content SODS would take too long over, and small files declaring gigabytes
	 * of content, which SODS would unpack without zip-bomb checks. Declared sizes can
	 * lie, but then the entry fails to inflate past them.
	 */
	private static void checkUnpackedSize(Path file, String fileName, long maxContentBytes) {
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			long total = 0;
			var entries = zip.getEntries();
			while (entries.hasMoreElements()) {
				ZipArchiveEntry entry = entries.nextElement();
				total += Math.max(0, entry.getSize());
			}
			if (total > maxContentBytes) {
				throw new SpreadsheetException(ReadingMessage.TOO_MUCH_DATA_IN_ODS, fileName,
						SizeLimit.megabytes(total), SizeLimit.megabytes(maxContentBytes));
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SpreadsheetException known) {
				throw known;
			}
			throw new SpreadsheetException(ReadingMessage.DAMAGED, ex, fileName, SpreadsheetFormat.ODS.description());
		}
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public SpreadsheetFormat format() {
		return SpreadsheetFormat.ODS;
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
		Sheet sheet = this.document.getSheet(index);
		Range range = sheet.getDataRange();
		Object[][] values = range.getValues();
		int firstRow = range.getRow();
		int firstColumn = range.getColumn();
		return new LookaheadRows(sheet.getName()) {

			private final RowAssembler assembler = new RowAssembler(OdsReader.this.maxCellChars);

			private int next;

			@Override
			protected @Nullable SheetRow readNext() {
				while (this.next < values.length) {
					int current = this.next++;
					Object[] row = values[current];
					for (int column = 0; column < row.length; column++) {
						addValue(this.assembler, firstColumn + column, row[column]);
					}
					SheetRow assembled = this.assembler.finish(firstRow + current + 1);
					if (assembled != null) {
						return assembled;
					}
				}
				return null;
			}

			@Override
			public void close() {
				// The document is in memory; the reader owns it.
			}
		};
	}

	private static void addValue(RowAssembler assembler, int column, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Double number) {
			assembler.add(column, CellText.plainNumber(number), false);
		}
		else if (value instanceof LocalDate date) {
			assembler.add(column, date.toString(), true);
		}
		else if (value instanceof LocalDateTime dateTime) {
			assembler.add(column, CellText.dateTime(dateTime), true);
		}
		else if (value instanceof Boolean bool) {
			assembler.add(column, bool ? "TRUE" : "FALSE", false);
		}
		else if (value instanceof OfficeCurrency currency && currency.getValue() != null) {
			assembler.add(column, CellText.plainNumber(currency.getValue()), false);
		}
		else if (value instanceof OfficePercentage percentage && percentage.getValue() != null) {
			assembler.add(column, CellText.plainNumber(percentage.getValue() * 100) + "%", false);
		}
		else {
			assembler.add(column, value.toString(), false);
		}
	}

	@Override
	public void close() {
		// SODS reads the file completely in its constructor and keeps no handle.
	}

}
