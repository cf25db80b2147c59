package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachcrm.imports.testdata.Bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cells, rows and workbook parts past their bounds: read no further than the bound, and
 * said so, in every format.
 */
class ReadingLimitsTest {

	private static final long MB = 1024L * 1024L;

	/** Small bounds, so that small files go past them. */
	private static final ReadingLimits SMALL = new ReadingLimits(50 * MB, 10 * MB, 16 * MB, 64 * 1024, 64 * 1024, 0.04,
			10_000, 1_000_000, 100, 1000);

	@TempDir
	Path dir;

	private static List<SheetRow> readAll(SpreadsheetReader reader) {
		List<SheetRow> rows = new ArrayList<>();
		try (SheetRows sheetRows = reader.rows(0)) {
			sheetRows.forEachRemaining(rows::add);
		}
		return rows;
	}

	@Test
	void aCsvValueLongerThanACellMayBeIsReadNoFurtherAndMarked() throws IOException {
		Path file = this.dir.resolve("long.csv");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Organization,Email,Notes\n");
			out.write("First,first@example.org,short\n");
			out.write("Second,second@example.org,\"");
			String block = "text, with \"\"quotes\"\" and\nlines ".repeat(100);
			for (int i = 0; i < 2000; i++) {
				out.write(block);
			}
			out.write("\"\n");
			out.write("Third,third@example.org,\"fine, \"\"quoted\"\"\"\n");
		}
		try (SpreadsheetReader reader = new SpreadsheetOpener(SMALL).open(file)) {
			List<SheetRow> rows = readAll(reader);
			assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3, 4);
			SheetRow longRow = rows.get(2);
			assertThat(longRow.overLongColumns()).containsExactly(2);
			assertThat(longRow.cut()).isFalse();
			assertThat(longRow.cell(0)).isEqualTo("Second");
			assertThat(longRow.cell(2)).hasSizeLessThanOrEqualTo(RowAssembler.OVER_LONG_KEPT + 1).endsWith("\u2026");
			assertThat(rows.get(3).cells()).containsExactly("Third", "third@example.org", "fine, \"quoted\"");
			assertThat(rows.get(3).overLong()).isFalse();
		}
	}

	@Test
	void aCsvRowLongerThanARowMayBeIsCutAndTheNextRowIsIntact() throws IOException {
		Path file = this.dir.resolve("wide.csv");
		String wide = String.join(",", java.util.Collections.nCopies(30, "v".repeat(90)));
		Files.writeString(file, "A,B,C\r\n" + wide + "\r\nx,y,z\r\n");
		try (SpreadsheetReader reader = new SpreadsheetOpener(SMALL).open(file)) {
			List<SheetRow> rows = readAll(reader);
			assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3);
			assertThat(rows.get(1).cut()).isTrue();
			assertThat(rows.get(1).cells().stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(1000);
			assertThat(rows.get(2).cells()).containsExactly("x", "y", "z");
			assertThat(rows.get(2).overLong()).isFalse();
		}
	}

	@Test
	void boundedTextParsesExactlyAsTheFileWithinTheBounds() throws IOException {
		String csv = "a,\"b,\"\"c\"\"\",d\r\n\"multi\nline\",x\"y,\"z\"trail\n\n\"\",,end\n\"unterminated";
		assertThat(parse(new BoundedCsvText(new StringReader(csv), ',', 1000, 10_000)))
			.isEqualTo(parse(new StringReader(csv)));
	}

	private static List<List<String>> parse(java.io.Reader reader) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(reader, CsvReader.format(','))) {
			for (CSVRecord record : parser) {
				records.add(record.toList());
			}
		}
		return records;
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "ods" })
	void aWorkbookCellLongerThanACellMayBeIsMarkedAndShortened(String format) throws IOException {
		Path file = this.dir.resolve("long." + format);
		String text = "Long notes ".repeat(50);
		if (format.equals("ods")) {
			SpreadSheet document = new SpreadSheet();
			Sheet sheet = new Sheet("Partners", 3, 3);
			document.appendSheet(sheet);
			sheet.getRange(0, 0, 1, 2).setValues("Organization", "Notes");
			sheet.getRange(1, 0, 1, 2).setValues("First", text);
			document.save(file.toFile());
		}
		else {
			try (Workbook workbook = format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
					var out = Files.newOutputStream(file)) {
				var sheet = workbook.createSheet("Partners");
				Row header = sheet.createRow(0);
				header.createCell(0).setCellValue("Organization");
				header.createCell(1).setCellValue("Notes");
				Row row = sheet.createRow(1);
				row.createCell(0).setCellValue("First");
				row.createCell(1).setCellValue(text);
				workbook.write(out);
			}
		}
		try (SpreadsheetReader reader = new SpreadsheetOpener(SMALL).open(file)) {
			List<SheetRow> rows = readAll(reader);
			assertThat(rows.get(0).overLong()).isFalse();
			assertThat(rows.get(1).overLongColumns()).containsExactly(1);
			assertThat(rows.get(1).cell(1)).hasSize(RowAssembler.OVER_LONG_KEPT + 1).startsWith("Long notes");
		}
	}

	@Test
	void anXlsxWhoseSharedStringsUnpackPastThePartLimitIsRefusedNamingIt() throws IOException {
		Path file = this.dir.resolve("strings.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
			var sheet = workbook.createSheet("Partners");
			for (int i = 0; i < 3000; i++) {
				sheet.createRow(i).createCell(0).setCellValue("Distinct partner organization number " + i);
			}
			workbook.write(out);
		}
		assertThatThrownBy(() -> new SpreadsheetOpener(SMALL).open(file, "strings.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_MUCH_DATA_IN_XLSX);
				assertThat(Bundles.english(ex)).contains("\"strings.xlsx\"")
					.contains("xl/sharedStrings.xml")
					.contains("at most 0.1 MB");
			});
		// the default bound reads it
		try (SpreadsheetReader reader = new SpreadsheetOpener().open(file)) {
			assertThat(readAll(reader)).hasSize(3000);
		}
	}

}
