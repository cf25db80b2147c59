package org.outreachcrm.imports.reading;

/**
 * Size limits for the formats that are read whole into memory. XLSX and CSV are streamed
 * and have no size limit of their own; XLSX keeps Apache POI's zip-bomb protection
 * (minimum inflate ratio and maximum entry size), which this code never relaxes.
 *
 * @param maxXlsBytes largest .xls file read (HSSF loads the whole workbook)
 * @param maxOdsBytes largest .ods file read (the ODS library loads the whole document)
 * @param maxOdsContentBytes largest uncompressed sheet content of an .ods file, which
 * guards against zip bombs since the ODS library has no protection of its own
 */
public record ReadingLimits(long maxXlsBytes, long maxOdsBytes, long maxOdsContentBytes) {

	private static final long MB = 1024L * 1024L;

	/** 50 MB for .xls and 20 MB (500 MB unpacked) for .ods. */
	public static final ReadingLimits DEFAULTS = new ReadingLimits(50 * MB, 20 * MB, 500 * MB);

	public ReadingLimits {
		if (maxXlsBytes <= 0 || maxOdsBytes <= 0 || maxOdsContentBytes <= 0) {
			throw new IllegalArgumentException("Reading limits must be positive");
		}
	}

}
