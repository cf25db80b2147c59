package org.outreachcrm.imports.reading;

/**
 * Size limits of reading, whatever the format. XLSX and CSV are streamed: their size is
 * not limited, but what one row, one cell or one workbook part may hold in memory is. XLS
 * and ODS are read whole, so their file size is limited.
 *
 * <p>
 * Measured with POI 5.5 and SODS 1.7 on contact lists: HSSF keeps about 8 bytes of heap
 * per byte of .xls (a 27 MB file held 206 MB), so 50 MB needs some 400 MB of heap. SODS
 * needs little memory but its time grows with the square of the rows (11 MB of sheet XML,
 * 20,000 rows, took 9 s; 29 MB took 26 s), so .ods is limited by its unpacked content.
 *
 * @param maxXlsBytes largest .xls file read (HSSF loads the whole workbook)
 * @param maxOdsBytes largest .ods file read
 * @param maxOdsContentBytes largest unpacked content of an .ods file; this also guards
 * against zip bombs, since SODS has no protection of its own
 * @param maxWorkbookPartBytes largest unpacked part of an .xlsx file that is held in
 * memory while reading (shared strings, styles, the workbook itself; sheets are
 * streamed), counted while inflating, whatever the file declares
 * @param maxCellChars longest cell text read; a longer cell is cut while reading (CSV
 * never holds more than one character past it) and its row rejected
 * @param maxRowChars most characters one row of a CSV/TSV file may hold; the rest of a
 * longer row is skipped while reading and the row rejected
 */
public record ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes, long maxWorkbookPartBytes,
		int maxCellChars, int maxRowChars) {

	private static final long MB = 1024L * 1024L;

	/** Excel's own limit of a cell's text. */
	public static final int EXCEL_MAX_CELL_CHARS = 32_767;

	/**
	 * 50 MB for .xls; 10 MB for .ods, with at most 16 MB unpacked; 64 MB per in-memory
	 * workbook part; cells of Excel's 32,767 characters; rows of a million characters.
	 */
	public static final ReadingLimits DEFAULTS = new ReadingLimits(50 * MB, 10 * MB, 16 * MB, 64 * MB,
			EXCEL_MAX_CELL_CHARS, 1_000_000);

	public ReadingLimits {
		if (maxXlsBytes <= 0 || maxOdsBytes <= 0 || maxOdsContentBytes <= 0 || maxWorkbookPartBytes <= 0
				|| maxCellChars <= 0 || maxRowChars < maxCellChars) {
			throw new IllegalArgumentException("Reading limits must be positive, a row at least a cell");
		}
	}

	/** The whole-file limits, with the defaults for parts, cells and rows. */
	public ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes) {
		this(maxXlsBytes, maxOdsBytes, maxOdsContentBytes, DEFAULTS.maxWorkbookPartBytes, DEFAULTS.maxCellChars,
				DEFAULTS.maxRowChars);
	}

}
