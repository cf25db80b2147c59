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
 * memory while reading (styles, the workbook itself, relations; sheets are streamed and
 * shared strings kept on disk), counted while inflating, whatever the file declares
 * @param maxSharedStringsBytes largest unpacked shared strings part of an .xlsx file,
 * counted while reading it into a temporary file (a million-row list has about 120 MB)
 * @param minSharedStringsRatio least ratio of packed to unpacked size of a shared strings
 * part that unpacks past {@code maxWorkbookPartBytes}: a stricter zip-bomb guard than
 * POI's 0.01, since such a part is read whole before any row (a million-row list has
 * 0.07, real lists more; a part of one string repeated with small changes 0.02)
 * @param maxSharedStrings most shared strings an .xlsx file may hold; memory keeps 4
 * bytes for each
 * @param maxSharedStringsChars most characters all shared strings of an .xlsx file may
 * hold together (the temporary file's size: up to 3 bytes a character)
 * @param maxCellChars longest cell text read; a longer cell is cut while reading (CSV
 * never holds more than one character past it) and its row rejected
 * @param maxRowChars most characters one row of a CSV/TSV file may hold; the rest of a
 * longer row is skipped while reading and the row rejected
 */
public record ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes, long maxWorkbookPartBytes,
		long maxSharedStringsBytes, double minSharedStringsRatio, int maxSharedStrings, long maxSharedStringsChars,
		int maxCellChars, int maxRowChars) {

	private static final long MB = 1024L * 1024L;

	/** Excel's own limit of a cell's text. */
	public static final int EXCEL_MAX_CELL_CHARS = 32_767;

	/**
	 * 50 MB for .xls; 10 MB for .ods, with at most 16 MB unpacked; 64 MB per in-memory
	 * workbook part; shared strings of at most 512 MB unpacked (packed to at least 0.04
	 * of that past 64 MB), 10 million strings and 256 million characters; cells of
	 * Excel's 32,767 characters; rows of a million characters.
	 */
	public static final ReadingLimits DEFAULTS = new ReadingLimits(50 * MB, 10 * MB, 16 * MB, 64 * MB, 512 * MB, 0.04,
			10_000_000, 256 * MB, EXCEL_MAX_CELL_CHARS, 1_000_000);

	public ReadingLimits {
		if (maxXlsBytes <= 0 || maxOdsBytes <= 0 || maxOdsContentBytes <= 0 || maxWorkbookPartBytes <= 0
				|| maxSharedStringsBytes <= 0 || minSharedStringsRatio < 0 || minSharedStringsRatio > 1
				|| maxSharedStrings <= 0 || maxSharedStringsChars <= 0 || maxCellChars <= 0
				|| maxRowChars < maxCellChars) {
			throw new IllegalArgumentException("Reading limits must be positive, a row at least a cell");
		}
	}

	/**
	 * The whole-file limits, with the defaults for parts, shared strings, cells and rows.
	 */
	public ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes) {
		this(maxXlsBytes, maxOdsBytes, maxOdsContentBytes, DEFAULTS.maxWorkbookPartBytes,
				DEFAULTS.maxSharedStringsBytes, DEFAULTS.minSharedStringsRatio, DEFAULTS.maxSharedStrings,
				DEFAULTS.maxSharedStringsChars, DEFAULTS.maxCellChars, DEFAULTS.maxRowChars);
	}

}
