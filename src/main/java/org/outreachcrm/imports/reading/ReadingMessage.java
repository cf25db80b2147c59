package org.outreachcrm.imports.reading;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every message the reading layer shows to a user, in one place so that the templates can
 * move to message bundles under their {@link #key() keys}. Templates use
 * {@link MessageFormat} syntax; arguments are formatted as plain strings.
 */
public enum ReadingMessage {

	/** {0} file. */
	EMPTY_FILE(Problem.EMPTY, "The file \"{0}\" is empty."),

	/** {0} file. */
	NOT_A_SPREADSHEET_PDF(Problem.NOT_A_SPREADSHEET, "Not a spreadsheet: the content of \"{0}\" is a PDF document."),

	/** {0} file, {1} image kind (PNG, JPEG, GIF...). */
	NOT_A_SPREADSHEET_IMAGE(Problem.NOT_A_SPREADSHEET, "Not a spreadsheet: the content of \"{0}\" is a {1} image."),

	/** {0} file. */
	NOT_A_SPREADSHEET_WORD(Problem.NOT_A_SPREADSHEET, "Not a spreadsheet: the content of \"{0}\" is a Word document."),

	/** {0} file. */
	NOT_A_SPREADSHEET_PRESENTATION(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is a PowerPoint presentation."),

	/** {0} file, {1} OpenDocument mime type. */
	NOT_A_SPREADSHEET_OPENDOCUMENT(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is an OpenDocument file of another kind ({1})."),

	/** {0} file. */
	NOT_A_SPREADSHEET_ZIP(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is a zip archive with no spreadsheet in it."),

	/** {0} file, {1} archive kind. */
	NOT_A_SPREADSHEET_ARCHIVE(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is a compressed {1} archive."),

	/** {0} file. */
	NOT_A_SPREADSHEET_HTML(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is a web page (HTML). Open it in a spreadsheet program and save it as .xlsx."),

	/** {0} file. */
	NOT_A_SPREADSHEET_XML(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is an XML document that is not a spreadsheet."),

	/** {0} file. */
	NOT_A_SPREADSHEET_RTF(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is a rich-text (RTF) document."),

	/** {0} file. */
	NOT_A_SPREADSHEET_BINARY(Problem.NOT_A_SPREADSHEET,
			"Not a spreadsheet: the content of \"{0}\" is binary data of an unknown kind."),

	/** {0} file. */
	PASSWORD_PROTECTED(Problem.PASSWORD_PROTECTED,
			"The file is password-protected: \"{0}\" cannot be read. Remove the password, save the file and upload it again."),

	/** {0} file, {1} format description. */
	DAMAGED(Problem.DAMAGED,
			"The file is damaged and cannot be read: \"{0}\" looks like {1}, but its content is incomplete or invalid."),

	/** {0} file. */
	DAMAGED_ARCHIVE(Problem.DAMAGED,
			"The file is damaged and cannot be read: \"{0}\" is an incomplete or invalid zip-based document."),

	/** {0} file. */
	ZIP_BOMB(Problem.DAMAGED,
			"\"{0}\" unpacks to far more data than its size suggests, which is typical of a malicious file, so it is not read."),

	/** {0} file. */
	OLD_EXCEL_FORMAT(Problem.UNSUPPORTED_FORMAT,
			"\"{0}\" is in the Excel 95 (or older) format, which cannot be read. Open it in Excel or LibreOffice and save it as .xlsx."),

	/** {0} file. */
	XLSB_NOT_SUPPORTED(Problem.UNSUPPORTED_FORMAT,
			"\"{0}\" is an Excel binary workbook (.xlsb), which cannot be read. Open it in Excel and save it as .xlsx."),

	/** {0} file. */
	EXCEL_XML_NOT_SUPPORTED(Problem.UNSUPPORTED_FORMAT,
			"\"{0}\" is an Excel 2003 XML spreadsheet, which cannot be read. Open it in Excel or LibreOffice and save it as .xlsx."),

	/** {0} file, {1} its size in MB, {2} format description, {3} the limit in MB. */
	TOO_LARGE(Problem.TOO_LARGE,
			"\"{0}\" is too large ({1} MB): {2} can be read up to {3} MB. Save it as .xlsx, which has no such limit, or split it."),

	/** {0} file, {1} its unpacked size in MB, {2} the limit in MB. */
	TOO_MUCH_DATA_IN_ODS(Problem.TOO_LARGE,
			"\"{0}\" holds too much data for an OpenDocument spreadsheet ({1} MB unpacked): up to {2} MB can be read. Save it as .xlsx, which has no such limit, or split it."),

	/** {0} file. */
	NO_SHEETS(Problem.NO_DATA, "The file \"{0}\" contains no sheets."),

	/** {0} file, {1} the sheet asked for. */
	NO_SUCH_SHEET(Problem.NO_DATA, "The file \"{0}\" has no sheet \"{1}\"."),

	/** {0} file, {1} sheet name. */
	NO_HEADER_ROW(Problem.NO_HEADER,
			"Sheet \"{1}\" of \"{0}\" has no header row with known columns. Put column names such as \"Organization\", \"First name\", \"Last name\" or \"Email\" in one of the first rows."),

	/** {0} file. */
	NO_HEADER_ROW_IN_ANY_SHEET(Problem.NO_HEADER,
			"No sheet of \"{0}\" has a header row with known columns. Put column names such as \"Organization\", \"First name\", \"Last name\" or \"Email\" in one of the first rows."),

	/** {0} file. */
	READ_FAILED(Problem.READ_FAILED,
			"The file \"{0}\" could not be read because of a storage error. Please try again.");

	/** What went wrong, for callers that react differently (HTTP status, retry). */
	public enum Problem {

		EMPTY, NOT_A_SPREADSHEET, PASSWORD_PROTECTED, DAMAGED, UNSUPPORTED_FORMAT, TOO_LARGE, NO_DATA, NO_HEADER,
		READ_FAILED

	}

	private final Problem problem;

	private final String template;

	ReadingMessage(Problem problem, String template) {
		this.problem = problem;
		this.template = template;
	}

	/** The message bundle key this template will have. */
	public String key() {
		return "imports.reading." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public Problem problem() {
		return this.problem;
	}

	public String template() {
		return this.template;
	}

	/** The English sentence with the arguments filled in. */
	public String format(Object... arguments) {
		Object[] texts = Arrays.stream(arguments).map(String::valueOf).toArray();
		return new MessageFormat(this.template, Locale.ROOT).format(texts);
	}

}
