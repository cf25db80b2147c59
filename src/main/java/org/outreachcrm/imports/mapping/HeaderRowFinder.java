package org.outreachcrm.imports.mapping;

import java.util.Optional;

import org.outreachcrm.imports.reading.ReadingMessage;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.imports.reading.SpreadsheetReader;

/**
 * Finds the header row of a sheet: among its first rows, the one naming the most known
 * columns, since people put titles, dates and blank rows above their tables. Across a
 * workbook the sheet with the best header row wins, the first on a tie.
 */
public final class HeaderRowFinder {

	/** How many non-empty rows from the top of a sheet may hold the header. */
	public static final int ROWS_SCANNED = 20;

	private final HeaderMatcher matcher;

	public HeaderRowFinder(HeaderMatcher matcher) {
		this.matcher = matcher;
	}

	/**
	 * The best header row of any sheet. Sheets that cannot be read are passed over.
	 * @throws SpreadsheetException if no sheet has a row with a known column, with the
	 * first sheet's read failure if there was one
	 */
	public HeaderLocation find(SpreadsheetReader reader) {
		if (reader.sheetNames().isEmpty()) {
			throw new SpreadsheetException(ReadingMessage.NO_SHEETS, reader.fileName());
		}
		HeaderLocation best = null;
		SpreadsheetException firstFailure = null;
		for (int sheet = 0; sheet < reader.sheetNames().size(); sheet++) {
			Optional<HeaderLocation> candidate;
			try {
				candidate = scan(reader, sheet);
			}
			catch (SpreadsheetException ex) {
				// A broken sheet beside the one with the data should not stop the import.
				firstFailure = (firstFailure != null) ? firstFailure : ex;
				continue;
			}
			if (candidate.isPresent() && (best == null || candidate.get().score() > best.score())) {
				best = candidate.get();
			}
		}
		if (best == null && firstFailure != null) {
			throw firstFailure;
		}
		if (best == null) {
			if (reader.sheetNames().size() == 1) {
				throw new SpreadsheetException(ReadingMessage.NO_HEADER_ROW, reader.fileName(),
						reader.sheetNames().get(0));
			}
			throw new SpreadsheetException(ReadingMessage.NO_HEADER_ROW_IN_ANY_SHEET, reader.fileName());
		}
		return best;
	}

	/**
	 * The header row of the sheet the person importing chose.
	 * @throws SpreadsheetException if that sheet has no row with a known column
	 */
	public HeaderLocation find(SpreadsheetReader reader, int sheetIndex) {
		return scan(reader, sheetIndex).orElseThrow(() -> new SpreadsheetException(ReadingMessage.NO_HEADER_ROW,
				reader.fileName(), reader.sheetNames().get(sheetIndex)));
	}

	private Optional<HeaderLocation> scan(SpreadsheetReader reader, int sheetIndex) {
		HeaderLocation best = null;
		try (SheetRows rows = reader.rows(sheetIndex)) {
			for (int scanned = 0; scanned < ROWS_SCANNED && rows.hasNext(); scanned++) {
				SheetRow row = rows.next();
				ColumnMapping mapping = this.matcher.map(row.cells());
				if (mapping.size() > 0 && (best == null || mapping.size() > best.score())) {
					best = new HeaderLocation(sheetIndex, rows.sheetName(), row.number(), mapping);
				}
			}
		}
		return Optional.ofNullable(best);
	}

}
