package org.outreachcrm.imports.reading;

import java.util.Locale;

/**
 * Every message the reading layer shows to a user; the sentences are in the message
 * bundles ({@code messages*.properties}) under their {@link #key() keys}, with the
 * arguments (always plain strings) documented here.
 */
public enum ReadingMessage {

	/** {0} file. */
	EMPTY_FILE(Problem.EMPTY),

	/** {0} file. */
	NOT_A_SPREADSHEET_PDF(Problem.NOT_A_SPREADSHEET),

	/** {0} file, {1} image kind (PNG, JPEG, GIF...). */
	NOT_A_SPREADSHEET_IMAGE(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_WORD(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_PRESENTATION(Problem.NOT_A_SPREADSHEET),

	/** {0} file, {1} OpenDocument mime type. */
	NOT_A_SPREADSHEET_OPENDOCUMENT(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_ZIP(Problem.NOT_A_SPREADSHEET),

	/** {0} file, {1} archive kind. */
	NOT_A_SPREADSHEET_ARCHIVE(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_HTML(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_XML(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_RTF(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	NOT_A_SPREADSHEET_BINARY(Problem.NOT_A_SPREADSHEET),

	/** {0} file. */
	PASSWORD_PROTECTED(Problem.PASSWORD_PROTECTED),

	/** {0} file, {1} format description. */
	DAMAGED(Problem.DAMAGED),

	/** {0} file. */
	DAMAGED_ARCHIVE(Problem.DAMAGED),

	/** {0} file. */
	ZIP_BOMB(Problem.DAMAGED),

	/** {0} file. */
	OLD_EXCEL_FORMAT(Problem.UNSUPPORTED_FORMAT),

	/** {0} file. */
	XLSB_NOT_SUPPORTED(Problem.UNSUPPORTED_FORMAT),

	/** {0} file. */
	EXCEL_XML_NOT_SUPPORTED(Problem.UNSUPPORTED_FORMAT),

	/** {0} file, {1} its size in MB, {2} format description, {3} the limit in MB. */
	TOO_LARGE(Problem.TOO_LARGE),

	/** {0} file, {1} its unpacked size in MB, {2} the limit in MB. */
	TOO_MUCH_DATA_IN_ODS(Problem.TOO_LARGE),

	/** {0} file, {1} the part of the workbook, {2} the limit in MB. */
	TOO_MUCH_DATA_IN_XLSX(Problem.TOO_LARGE),

	/**
	 * {0} file, {1} the part of the workbook, {2} the size in MB past which it must pack
	 * well, {3} how many times its packed size it unpacks to.
	 */
	XLSX_PART_INFLATES_TOO_FAR(Problem.TOO_LARGE),

	/** {0} file, {1} the most shared strings read. */
	TOO_MANY_SHARED_STRINGS(Problem.TOO_LARGE),

	/** {0} file, {1} the most characters all shared strings may hold. */
	TOO_MUCH_SHARED_TEXT(Problem.TOO_LARGE),

	/** {0} file. */
	NO_SHEETS(Problem.NO_DATA),

	/** {0} file, {1} the sheet asked for. */
	NO_SUCH_SHEET(Problem.NO_DATA),

	/** {0} file, {1} sheet name. */
	NO_HEADER_ROW(Problem.NO_HEADER),

	/** {0} file. */
	NO_HEADER_ROW_IN_ANY_SHEET(Problem.NO_HEADER),

	/** {0} file. */
	READ_FAILED(Problem.READ_FAILED);

	/** What went wrong, for callers that react differently (HTTP status, retry). */
	public enum Problem {

		EMPTY, NOT_A_SPREADSHEET, PASSWORD_PROTECTED, DAMAGED, UNSUPPORTED_FORMAT, TOO_LARGE, NO_DATA, NO_HEADER,
		READ_FAILED

	}

	private final Problem problem;

	ReadingMessage(Problem problem) {
		this.problem = problem;
	}

	/** The message bundle key of this message. */
	public String key() {
		return "imports.reading." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public Problem problem() {
		return this.problem;
	}

}
