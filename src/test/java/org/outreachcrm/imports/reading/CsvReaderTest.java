package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

	private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path dir;

	private Path write(byte[]... parts) throws IOException {
		Path file = this.dir.resolve("lista.csv");
		Files.deleteIfExists(file);
		for (byte[] part : parts) {
			Files.write(file, part, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
		return file;
	}

	private static List<SheetRow> read(Path file) {
		List<SheetRow> rows = new ArrayList<>();
		try (SpreadsheetReader reader = new SpreadsheetOpener().open(file); SheetRows sheet = reader.rows(0)) {
			assertThat(reader.format()).isEqualTo(SpreadsheetFormat.CSV);
			assertThat(reader.sheetNames()).containsExactly("lista");
			sheet.forEachRemaining(rows::add);
		}
		return rows;
	}

	@Test
	void readsUtf8WithoutByteOrderMark() throws IOException {
		List<SheetRow> rows = read(
				write("Miasto;Nazwa\nŁódź;Związek Zawodowy\nIași;Asociația\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(rows.get(1).cells()).containsExactly("Łódź", "Związek Zawodowy");
		assertThat(rows.get(2).cells()).containsExactly("Iași", "Asociația");
	}

	@Test
	void readsUtf8WithByteOrderMark() throws IOException {
		List<SheetRow> rows = read(write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"Miasto,Nazwa\nŁódź,Związek\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(rows.get(0).cells()).containsExactly("Miasto", "Nazwa");
		assertThat(rows.get(1).cells()).containsExactly("Łódź", "Związek");
	}

	@Test
	void readsUtf16LittleEndianWithByteOrderMark() throws IOException {
		// What Excel writes for "Unicode Text": UTF-16LE, tab separated.
		List<SheetRow> rows = read(write(new byte[] { (byte) 0xFF, (byte) 0xFE },
				"Miasto\tNazwa\r\nŁódź\tZwiązek\r\n".getBytes(StandardCharsets.UTF_16LE)));
		assertThat(rows.get(1).cells()).containsExactly("Łódź", "Związek");
	}

	@Test
	void readsPolishWindows1250() throws IOException {
		List<SheetRow> rows = read(write("Miasto;Nazwa\nŁódź;Związek\nKraków;Fundacja Żółć\n".getBytes(WINDOWS_1250)));
		assertThat(rows.get(1).cells()).containsExactly("Łódź", "Związek");
		assertThat(rows.get(2).cells()).containsExactly("Kraków", "Fundacja Żółć");
	}

	@Test
	void readsShortPolishWindows1250() throws IOException {
		List<SheetRow> rows = read(write("Łódź, Związek\n".getBytes(WINDOWS_1250)));
		assertThat(rows.get(0).cells()).containsExactly("Łódź", "Związek");
	}

	@Test
	void readsRomanianWindows1250() throws IOException {
		// windows-1250 has the cedilla forms of ş and ţ, which Romanian Windows used.
		List<SheetRow> rows = read(write("Oraş;Denumire\nTimişoara;Asociaţia Română\n".getBytes(WINDOWS_1250)));
		assertThat(rows.get(1).cells()).containsExactly("Timişoara", "Asociaţia Română");
	}

	@Test
	void readsWesternWindows1252() throws IOException {
		List<SheetRow> rows = read(
				write("Ville;Organisation\nGenève;Société Générale\nMünchen;Straße à côté\n".getBytes(WINDOWS_1252)));
		assertThat(rows.get(1).cells()).containsExactly("Genève", "Société Générale");
		assertThat(rows.get(2).cells()).containsExactly("München", "Straße à côté");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '!', value = { "','", "';'", "'\t'", "'|'" })
	void detectsTheSeparator(String separator) throws IOException {
		String text = String.join("\n", "Partner list", "", String.join(separator, "Name", "Email", "Kwota"),
				String.join(separator, "Anna", "anna@example.org", "12"),
				String.join(separator, "Jan", "jan@example.org", "13"));
		List<SheetRow> rows = read(write(text.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).extracting(SheetRow::number).containsExactly(1, 3, 4, 5);
		assertThat(rows.get(2).cells()).containsExactly("Anna", "anna@example.org", "12");
	}

	@Test
	void prefersSemicolonOverDecimalCommas() throws IOException {
		List<SheetRow> rows = read(write("Nazwa;Kwota\nA;12,5\nB;13,75\nC;1\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(rows.get(1).cells()).containsExactly("A", "12,5");
	}

	@Test
	void readsQuotedValuesWithSeparatorsQuotesAndLineBreaks() throws IOException {
		String text = """
				Nazwa,Adres,Uwagi
				"Fundacja ""Razem"", Kraków","ul. Długa 1,
				31-147 Kraków",ok
				Inna,"a;b",
				""";
		List<SheetRow> rows = read(write(text.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).cells()).containsExactly("Fundacja \"Razem\", Kraków", "ul. Długa 1,\n31-147 Kraków",
				"ok");
		assertThat(rows.get(2).cells()).containsExactly("Inna", "a;b");
	}

	@Test
	void readsAStrayQuoteAndAnUnterminatedQuoteWithoutFailing() throws IOException {
		String text = "Name,Note\nAnna,5\" display\nJan,\"never closed\n";
		List<SheetRow> rows = read(write(text.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows.get(1).cells()).containsExactly("Anna", "5\" display");
		assertThat(rows.get(2).cell(0)).isEqualTo("Jan");
	}

}
