package org.outreachcrm.imports.reading;

import java.nio.file.Path;

/**
 * Opens an uploaded file as a {@link SpreadsheetReader} for whatever format its content
 * is in.
 */
public final class SpreadsheetOpener {

	private final FormatDetector detector = new FormatDetector();

	private final ReadingLimits limits;

	public SpreadsheetOpener(ReadingLimits limits) {
		this.limits = limits;
	}

	public SpreadsheetOpener() {
		this(ReadingLimits.DEFAULTS);
	}

	/** Opens {@code file}, naming it by its own file name in messages. */
	public SpreadsheetReader open(Path file) {
		Path name = file.getFileName();
		return open(file, (name != null) ? name.toString() : file.toString());
	}

	/**
	 * Opens {@code file}.
	 * @param fileName the name the user uploaded the file under, for messages
	 * @throws SpreadsheetException if the file cannot be read as a spreadsheet
	 */
	public SpreadsheetReader open(Path file, String fileName) {
		return open(file, fileName, this.detector.detect(file, fileName));
	}

	/**
	 * Opens {@code file} as the format it was found to be in before (an import's plan
	 * keeps it), without detecting it again.
	 */
	public SpreadsheetReader open(Path file, String fileName, SpreadsheetFormat format) {
		return switch (format) {
			case XLSX -> new XlsxReader(file, fileName, this.limits);
			case XLS -> new XlsReader(file, fileName, this.limits);
			case ODS -> new OdsReader(file, fileName, this.limits);
			case CSV -> new CsvReader(file, fileName, this.limits);
		};
	}

}
