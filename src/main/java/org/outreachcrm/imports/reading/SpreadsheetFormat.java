package org.outreachcrm.imports.reading;

/**
 * The spreadsheet formats an import can read, as recognized from the file's content.
 */
public enum SpreadsheetFormat {

	/** Office Open XML workbook (.xlsx, .xlsm, .xltx), read as a stream. */
	XLSX,

	/** Excel 97-2003 binary workbook (.xls). */
	XLS,

	/** OpenDocument spreadsheet (.ods) from LibreOffice or Google Sheets. */
	ODS,

	/** Delimited text: comma, semicolon, tab or pipe separated. */
	CSV;

	/** Keys of the descriptions start with this. */
	public static final String DESCRIPTION_PREFIX = "imports.format.";

	/**
	 * How the format is named in messages to the user: the message bundle key of its
	 * description ("an Excel workbook (.xlsx)"), passed as an argument of a
	 * {@link ReadingMessage} and translated with it.
	 */
	public String description() {
		return DESCRIPTION_PREFIX + name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Whether a message argument is a format's description key. */
	public static boolean isDescription(String argument) {
		for (SpreadsheetFormat format : values()) {
			if (format.description().equals(argument)) {
				return true;
			}
		}
		return false;
	}

}
