package org.outreachcrm.imports.reading;

/**
 * The spreadsheet formats an import can read, as recognized from the file's content.
 */
public enum SpreadsheetFormat {

	/** Office Open XML workbook (.xlsx, .xlsm, .xltx), read as a stream. */
	XLSX("an Excel workbook (.xlsx)"),

	/** Excel 97-2003 binary workbook (.xls). */
	XLS("an Excel 97-2003 workbook (.xls)"),

	/** OpenDocument spreadsheet (.ods) from LibreOffice or Google Sheets. */
	ODS("an OpenDocument spreadsheet (.ods)"),

	/** Delimited text: comma, semicolon, tab or pipe separated. */
	CSV("a text file with separated values (.csv)");

	private final String description;

	SpreadsheetFormat(String description) {
		this.description = description;
	}

	/** How the format is named in messages to the user. */
	public String description() {
		return this.description;
	}

}
