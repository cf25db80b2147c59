package org.outreachcrm.imports.reading;

/**
 * Size limits for the formats that are read whole into memory. XLSX and CSV are streamed
 * and have no size limit of their own; XLSX keeps Apache POI's zip-bomb protection
 * (minimum inflate ratio and maximum entry size), which this code never relaxes.
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
 */
public record ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes) {

	private static final long MB = 1024L * 1024L;

	/** 50 MB for .xls; 10 MB for .ods, with at most 16 MB unpacked. */
	public static final ReadingLimits DEFAULTS = new ReadingLimits(50 * MB, 10 * MB, 16 * MB);

	public ReadingLimits {
		if (maxXlsBytes <= 0 || maxOdsBytes <= 0 || maxOdsContentBytes <= 0) {
			throw new IllegalArgumentException("Reading limits must be positive");
		}
	}

}
