package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachcrm.imports.testdata.Bundles;
import org.outreachcrm.imports.testdata.PartnerListFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetReaderTest {

	@TempDir
	Path dir;

	private final SpreadsheetOpener opener = new SpreadsheetOpener();

	private Path write(String format) throws IOException {
		return switch (format) {
			case "xlsx" -> PartnerListFiles.xlsx(this.dir);
			case "xls" -> PartnerListFiles.xls(this.dir);
			case "ods" -> PartnerListFiles.ods(this.dir);
			default -> throw new IllegalArgumentException(format);
		};
	}

	private static List<SheetRow> readAll(SpreadsheetReader reader, String sheet) {
		List<SheetRow> rows = new ArrayList<>();
		try (SheetRows sheetRows = reader.rows(sheet)) {
			sheetRows.forEachRemaining(rows::add);
		}
		return rows;
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "ods" })
	void listsSheetsInWorkbookOrder(String format) throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write(format))) {
			assertThat(reader.sheetNames()).containsExactly("Notatki", "Partnerzy");
			assertThat(reader.format().name()).isEqualToIgnoringCase(format);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "ods" })
	void readsRowsWithFileRowNumbersSkippingBlankRows(String format) throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write(format))) {
			List<SheetRow> rows = readAll(reader, "Partnerzy");
			assertThat(rows).extracting(SheetRow::number).containsExactly(1, 3, 4, 6);
			assertThat(rows.get(0).cells()).containsExactly("Lista partnerów 2026");
			assertThat(rows.get(1).cells()).containsExactlyElementsOf(format.equals("ods")
					? PartnerListFiles.HEADERS.subList(0, PartnerListFiles.HEADERS.size()) : PartnerListFiles.HEADERS);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "ods" })
	void readsCellValuesAsPeopleTypedThem(String format) throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write(format))) {
			SheetRow first = readAll(reader, "Partnerzy").get(2);
			assertThat(first.cell(0)).as("trimmed").isEqualTo("Fundacja Łódź");
			assertThat(first.cell(1)).as("non-breaking space trimmed").isEqualTo("Anna");
			assertThat(first.cell(3)).as("numeric phone").isEqualTo("48601234567");
			assertThat(first.cell(4)).as("date cell").isEqualTo("2026-03-12");
			assertThat(first.isDate(4)).isTrue();
			assertThat(first.isDate(3)).isFalse();
			assertThat(first.cell(6)).as("formula's cached value").isEqualTo("3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void keepsZeroPaddingOfPostalCodesAndCachedTextOfFormulas(String format) throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write(format))) {
			List<SheetRow> rows = readAll(reader, "Partnerzy");
			assertThat(rows.get(2).cell(7)).isEqualTo("01-234");
			assertThat(rows.get(3).cell(6)).isEqualTo("Ion Popescu");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls", "ods" })
	void readsASheetAgainFromTheTop(String format) throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write(format))) {
			try (SheetRows rows = reader.rows(1)) {
				assertThat(rows.next().number()).isEqualTo(1);
			}
			assertThat(readAll(reader, "Notatki")).hasSize(1);
			assertThat(readAll(reader, "Partnerzy")).hasSize(4);
		}
	}

	@Test
	void refusesAnUnknownSheetByName() throws IOException {
		try (SpreadsheetReader reader = this.opener.open(write("xlsx"), "lista.xlsx")) {
			assertThatThrownBy(() -> reader.rows("Arkusz9")).isInstanceOfSatisfying(SpreadsheetException.class,
					(ex) -> assertThat(Bundles.english(ex))
						.isEqualTo("The file \"lista.xlsx\" has no sheet \"Arkusz9\"."));
		}
	}

	@Test
	void refusesAnXlsxWhoseSheetInflatesLikeAZipBomb() throws IOException {
		Path plain = write("xlsx");
		Path bomb = this.dir.resolve("bomb.xlsx");
		try (ZipFile source = new ZipFile(plain.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			for (ZipEntry entry : java.util.Collections.list(source.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				source.getInputStream(entry).transferTo(out);
				if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
					// White space after the root element is valid XML and compresses a
					// thousandfold: the shape of a zip bomb.
					byte[] spaces = new byte[1024 * 1024];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 20; i++) {
						out.write(spaces);
					}
				}
				out.closeEntry();
			}
		}
		try (SpreadsheetReader reader = this.opener.open(bomb, "bomb.xlsx")) {
			assertThatThrownBy(() -> readAll(reader, "Partnerzy")).isInstanceOfSatisfying(SpreadsheetException.class,
					ex -> assertThat(ex.reason()).isEqualTo(ReadingMessage.ZIP_BOMB));
		}
	}

	@Test
	void refusesXlsFilesOverTheSizeLimit() throws IOException {
		Path file = write("xls");
		var opener = new SpreadsheetOpener(new ReadingLimits(1000, 1000, 1000));
		assertThatThrownBy(() -> opener.open(file, "big.xls")).isInstanceOfSatisfying(SpreadsheetException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_LARGE);
					assertThat(Bundles.english(ex)).startsWith("\"big.xls\" is too large (")
						.contains("an Excel 97-2003 workbook (.xls) can be read up to 0 MB");
				});
	}

	@Test
	void refusesOdsFilesOverTheSizeLimit() throws IOException {
		Path file = write("ods");
		var opener = new SpreadsheetOpener(new ReadingLimits(1000, 100, 1000));
		assertThatThrownBy(() -> opener.open(file, "big.ods")).isInstanceOfSatisfying(SpreadsheetException.class,
				ex -> assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_LARGE));
	}

	@Test
	void refusesOdsFilesWithTooMuchUnpackedContent() throws IOException {
		Path file = write("ods");
		var opener = new SpreadsheetOpener(new ReadingLimits(1000, 1_000_000, 500));
		assertThatThrownBy(() -> opener.open(file, "big.ods")).isInstanceOfSatisfying(SpreadsheetException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_MUCH_DATA_IN_ODS);
					assertThat(Bundles.english(ex))
						.startsWith("\"big.ods\" holds too much data for an OpenDocument spreadsheet (")
						.contains("up to 0 MB can be read");
				});
	}

}
