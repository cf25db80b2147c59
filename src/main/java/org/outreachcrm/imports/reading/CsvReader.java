package org.outreachcrm.imports.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Streams delimited text (CSV, TSV, semicolon- or pipe-separated) with Commons CSV, after
 * finding its encoding and separator. Quoted values may hold separators and line breaks.
 * The sheet is named after the file, as Excel does when it opens one.
 */
final class CsvReader implements SpreadsheetReader {

	private static final int SEPARATOR_SAMPLE_CHARS = 64 * 1024;

	private final Path file;

	private final String fileName;

	private final TextEncoding encoding;

	private final char separator;

	private final ReadingLimits limits;

	CsvReader(Path file, String fileName) {
		this(file, fileName, ReadingLimits.DEFAULTS);
	}

	CsvReader(Path file, String fileName, ReadingLimits limits) {
		this.file = file;
		this.fileName = fileName;
		this.limits = limits;
		try {
			this.encoding = TextEncoding.detect(file);
			this.separator = CsvSeparator.detect(sample());
		}
		catch (IOException ex) {
			throw new SpreadsheetException(ReadingMessage.READ_FAILED, ex, fileName);
		}
	}

	/** The format used both to guess the separator and to read. */
	static CSVFormat format(char separator) {
		return CSVFormat.DEFAULT.builder()
			.setDelimiter(separator)
			.setQuote('"')
			// Blank lines stay records so that row numbers match what a spreadsheet
			// program shows; blank rows are then skipped like in other formats.
			.setIgnoreEmptyLines(false)
			// Hand-edited files have stray quotes and unterminated quoted values; read
			// what is there rather than refuse the whole file.
			.setLenientEof(true)
			.setTrailingData(true)
			.get();
	}

	char separator() {
		return this.separator;
	}

	TextEncoding encoding() {
		return this.encoding;
	}

	private String sample() throws IOException {
		try (Reader reader = openReader()) {
			char[] buffer = new char[SEPARATOR_SAMPLE_CHARS];
			int length = reader.read(buffer);
			if (length <= 0) {
				return "";
			}
			String text = new String(buffer, 0, length);
			int lastLineEnd = text.lastIndexOf('\n');
			// A cut last line would count as a short record.
			return (length == buffer.length && lastLineEnd > 0) ? text.substring(0, lastLineEnd) : text;
		}
	}

	private Reader openReader() throws IOException {
		InputStream in = Files.newInputStream(this.file);
		try {
			in.skipNBytes(this.encoding.bomLength());
		}
		catch (IOException ex) {
			in.close();
			throw ex;
		}
		var decoder = this.encoding.charset()
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public SpreadsheetFormat format() {
		return SpreadsheetFormat.CSV;
	}

	@Override
	public List<String> sheetNames() {
		int dot = this.fileName.lastIndexOf('.');
		return List.of((dot > 0) ? this.fileName.substring(0, dot) : this.fileName);
	}

	@Override
	public SheetRows rows(int index) {
		if (index != 0) {
			throw new SpreadsheetException(ReadingMessage.NO_SUCH_SHEET, this.fileName, index + 1);
		}
		CSVParser parser;
		BoundedCsvText text;
		try {
			text = new BoundedCsvText(openReader(), this.separator, this.limits.maxCellChars(),
					this.limits.maxRowChars());
			parser = CSVParser.parse(text, format(this.separator));
		}
		catch (IOException ex) {
			throw new SpreadsheetException(ReadingMessage.READ_FAILED, ex, this.fileName);
		}
		Iterator<CSVRecord> records = parser.iterator();
		return new LookaheadRows(sheetNames().get(0)) {

			private final RowAssembler assembler = new RowAssembler(CsvReader.this.limits.maxCellChars());

			@Override
			protected @Nullable SheetRow readNext() {
				try {
					while (records.hasNext()) {
						CSVRecord record = records.next();
						for (int column = 0; column < record.size(); column++) {
							this.assembler.add(column, record.get(column), false);
						}
						if (text.wasCut(record.getRecordNumber())) {
							this.assembler.cut();
						}
						text.overLongColumns(record.getRecordNumber()).forEach(this.assembler::overLong);
						SheetRow row = this.assembler.finish((int) record.getRecordNumber());
						if (row != null) {
							return row;
						}
					}
					return null;
				}
				catch (RuntimeException ex) {
					throw new SpreadsheetException(ReadingMessage.DAMAGED, ex, CsvReader.this.fileName,
							SpreadsheetFormat.CSV.description());
				}
			}

			@Override
			public void close() {
				try {
					parser.close();
				}
				catch (IOException ex) {
					// Read-only: nothing is lost when closing fails.
				}
			}
		};
	}

	@Override
	public void close() {
		// Each call to rows() opens and closes its own stream.
	}

}
