package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.imports.testdata.Bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds of reading an XLSX sheet and its shared strings: no cell text read past the
 * cell limit, shared strings kept in a temporary file that is deleted whatever happens,
 * and a workbook past the shared strings' bounds refused, saying which bound.
 */
class XlsxReadingBoundsTest {

	private static final long MB = 1024L * 1024L;

	/**
	 * Cells of 100 characters; 50 shared strings of 2,000 characters together in 64 KB.
	 */
	private static final ReadingLimits SMALL = new ReadingLimits(50 * MB, 10 * MB, 16 * MB, 64 * 1024, 64 * 1024, 0.04,
			50, 2000, 100, 1000);

	@TempDir
	Path dir;

	@Test
	void aValueLongerThanACellIsReadNoFurtherAndRejectsItsRow() throws IOException {
		// digits at random: a run of one digit would be refused as a zip bomb
		Random random = new Random(19);
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 5_000_000; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		String huge = digits.toString();
		Path file = CraftedXlsx.write(this.dir.resolve("value.xlsx"), "<si><t>Polska</t></si>", """
				<row r="1"><c r="A1" t="inlineStr"><is><t>Organization</t></is></c></row>
				<row r="2"><c r="A2" t="str"><v>%s</v></c><c r="B2" t="s"><v>0</v></c></row>
				<row r="3"><c r="A3"><v>%s</v></c></row>
				<row r="4"><c r="A4" t="str"><v>fine</v></c></row>
				""".formatted("x".repeat(101), huge));
		List<SheetRow> rows = readAll(file, SMALL);
		assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows.get(1).overLongColumns()).containsExactly(0);
		assertThat(rows.get(1).cell(0)).isEqualTo("x".repeat(RowAssembler.OVER_LONG_KEPT) + "\u2026");
		assertThat(rows.get(1).cell(1)).isEqualTo("Polska");
		assertThat(rows.get(2).overLongColumns()).as("a number of five million digits").containsExactly(0);
		assertThat(rows.get(2).cell(0)).hasSize(RowAssembler.OVER_LONG_KEPT + 1);
		assertThat(rows.get(3).overLong()).isFalse();
		assertThat(rows.get(3).cell(0)).isEqualTo("fine");
	}

	@Test
	void anInlineStringLongerThanACellIsReadNoFurtherAcrossItsRuns() throws IOException {
		Path file = CraftedXlsx.write(this.dir.resolve("inline.xlsx"), "", """
				<row r="1">
				  <c r="A1" t="inlineStr"><is><r><t>%s</t></r><r><t>%s</t></r></is></c>
				  <c r="B1" t="inlineStr"><is><r><t>%s</t></r><rPh><t>%s</t></rPh></is></c>
				</row>
				""".formatted("a".repeat(60), "b".repeat(60), "c".repeat(100), "phonetic".repeat(20)));
		List<SheetRow> rows = readAll(file, SMALL);
		assertThat(rows.get(0).overLongColumns()).as("120 characters in two runs").containsExactly(0);
		assertThat(rows.get(0).cell(0)).startsWith("a".repeat(60) + "b").endsWith("\u2026");
		assertThat(rows.get(0).cell(1)).as("exactly the limit, phonetic run left out").isEqualTo("c".repeat(100));
	}

	@Test
	void theCapHoldsNoMoreOfAnElementsTextThanTheLimit() throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newInstance();
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		XMLStreamReader xml = factory
			.createXMLStreamReader(new StringReader("<v>" + "z".repeat(1_000_000) + "&amp;<b>nested</b>end</v>"));
		xml.nextTag();
		StringBuilder text = new StringBuilder();
		assertThat(XmlText.append(xml, text, 10)).isTrue();
		assertThat(text).hasToString("z".repeat(10));
		assertThat(xml.getLocalName()).as("left on the end tag").isEqualTo("v");

		xml = factory.createXMLStreamReader(new StringReader("<v>a&amp;b<!-- c --><b>nested</b>c</v>"));
		xml.nextTag();
		text.setLength(0);
		assertThat(XmlText.append(xml, text, 10)).isFalse();
		assertThat(text).hasToString("a&bc");
	}

	@Test
	void sharedStringsAreReadBackFromTheirFileInAnyOrder() throws IOException {
		int count = 20_000;
		StringBuilder items = new StringBuilder();
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < count; i++) {
			items.append("<si><t>Fundacja Łódź ").append(i).append(" żółć</t></si>");
		}
		// backwards, then the first ones again: every read goes outside the window
		for (int i = count - 1; i >= 0; i--) {
			rows.append("<row r=\"%d\"><c r=\"A%d\" t=\"s\"><v>%d</v></c></row>".formatted(count - i, count - i, i));
		}
		rows.append("<row r=\"%d\"><c t=\"s\"><v>%d</v></c><c t=\"s\"><v>0</v></c></row>".formatted(count + 1, count));
		Path file = CraftedXlsx.write(this.dir.resolve("shared.xlsx"), items.toString(), rows.toString());
		List<SheetRow> read = readAll(file, ReadingLimits.DEFAULTS);
		assertThat(read).hasSize(count + 1);
		for (int r = 0; r < count; r++) {
			assertThat(read.get(r).cell(0)).isEqualTo("Fundacja Łódź " + (count - 1 - r) + " żółć");
		}
		assertThat(read.get(count).cells()).as("no such shared string").containsExactly("", "Fundacja Łódź 0 żółć");
	}

	@Test
	void aSharedStringLongerThanACellRejectsEveryRowUsingIt() throws IOException {
		Path file = CraftedXlsx.write(this.dir.resolve("long-shared.xlsx"),
				"<si><t>short</t></si><si><r><t>%s</t></r><r><t>%s</t></r></si>".formatted("d".repeat(99),
						"e".repeat(2)),
				"""
						<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>
						<row r="2"><c r="C2" t="s"><v>1</v></c></row>
						""");
		List<SheetRow> rows = readAll(file, SMALL);
		assertThat(rows.get(0).overLongColumns()).containsExactly(0);
		assertThat(rows.get(0).cell(0)).isEqualTo("d".repeat(RowAssembler.OVER_LONG_KEPT - 1) + "e\u2026");
		assertThat(rows.get(0).cell(1)).isEqualTo("short");
		assertThat(rows.get(1).overLongColumns()).containsExactly(2);
	}

	@Test
	void tooManySharedStringsAreRefusedNamingTheBoundAndLeaveNoFile() throws IOException {
		Path file = CraftedXlsx.write(this.dir.resolve("many.xlsx"), "<si><t>x</t></si>".repeat(51),
				"<row r=\"1\"><c t=\"s\"><v>0</v></c></row>");
		List<Path> before = tempFiles();
		assertThatThrownBy(() -> new SpreadsheetOpener(SMALL).open(file, "many.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_MANY_SHARED_STRINGS);
				assertThat(ex.reason().problem()).isEqualTo(ReadingMessage.Problem.TOO_LARGE);
				assertThat(Bundles.english(ex)).contains("\"many.xlsx\"").contains("different texts").contains("50");
			});
		assertThat(tempFiles()).isEqualTo(before);
		// fifty are fine
		Path fifty = CraftedXlsx.write(this.dir.resolve("fifty.xlsx"), "<si><t>x</t></si>".repeat(50),
				"<row r=\"1\"><c t=\"s\"><v>49</v></c></row>");
		assertThat(readAll(fifty, SMALL)).singleElement().satisfies((row) -> assertThat(row.cell(0)).isEqualTo("x"));
	}

	@Test
	void sharedStringsHoldingTooMuchTextAreRefusedNamingTheBound() throws IOException {
		Path file = CraftedXlsx.write(this.dir.resolve("text.xlsx"),
				"<si><t>%s</t></si>".formatted("t".repeat(90)).repeat(23),
				"<row r=\"1\"><c t=\"s\"><v>0</v></c></row>");
		assertThatThrownBy(() -> new SpreadsheetOpener(SMALL).open(file, "text.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(ReadingMessage.TOO_MUCH_SHARED_TEXT);
				assertThat(Bundles.english(ex)).contains("\"text.xlsx\"").contains("at most 2000 characters");
			});
	}

	@Test
	void sharedStringsPastThePartLimitAreReadOnlyIfTheyPackAsTextDoes() throws IOException {
		ReadingLimits limits = new ReadingLimits(50 * MB, 10 * MB, 16 * MB, 64 * 1024, MB, 0.04, 100_000, 10_000_000,
				ReadingLimits.EXCEL_MAX_CELL_CHARS, 1_000_000);
		Random random = new Random(7);
		StringBuilder bomb = new StringBuilder();
		StringBuilder text = new StringBuilder();
		String filler = "Partner organization of the coordination network ".repeat(20);
		while (bomb.length() < 300_000) {
			bomb.append("<si><t>").append(filler).append(Long.toString(random.nextLong(), 36)).append("</t></si>");
		}
		while (text.length() < 300_000) {
			text.append("<si><t>").append(Long.toString(random.nextLong(), 36)).append("</t></si>");
		}
		String row = "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>";
		Path refused = CraftedXlsx.write(this.dir.resolve("bomb.xlsx"), bomb.toString(), row);
		assertThatThrownBy(() -> new SpreadsheetOpener(limits).open(refused, "bomb.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(ReadingMessage.XLSX_PART_INFLATES_TOO_FAR);
				assertThat(Bundles.english(ex)).contains("\"bomb.xlsx\"")
					.contains("xl/sharedStrings.xml")
					.contains("more than 0.1 MB")
					.contains("malicious");
			});
		Path read = CraftedXlsx.write(this.dir.resolve("text.xlsx"), text.toString(), row);
		assertThat(readAll(read, limits)).singleElement().satisfies((first) -> assertThat(first.cell(0)).isNotEmpty());
	}

	@Test
	void withTheDefaultBoundsEightyMegabytesOfSharedStringsPackedAsABombAreRefused() throws IOException {
		// the file of HostileInputIT: the ratio guard of POI (0.01) lets it through
		Random random = new Random(14);
		String filler = "Partner organization of the coordination network ".repeat(20);
		Path file = CraftedXlsx.write(this.dir.resolve("bomb.xlsx"), (out) -> {
			long written = 0;
			while (written < 80 * MB) {
				String item = "<si><t>" + filler + Long.toString(random.nextLong(), 36) + "</t></si>";
				out.write(item);
				written += item.length();
			}
		}, (out) -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"));
		assertThat((double) Files.size(file) / (80 * MB)).isGreaterThan(0.01);
		assertThatThrownBy(() -> new SpreadsheetOpener().open(file, "bomb.xlsx"))
			.isInstanceOfSatisfying(SpreadsheetException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(ReadingMessage.XLSX_PART_INFLATES_TOO_FAR);
				assertThat(Bundles.english(ex)).contains("xl/sharedStrings.xml").contains("64 MB");
				assertThat(Bundles.text(Bundles.POLISH, ex.reason().key(), ex.arguments())).contains("64 MB")
					.contains("części");
			});
	}

	@Test
	void theSharedStringsFileIsDeletedWhenReadingEnds() throws IOException {
		Path file = CraftedXlsx.write(this.dir.resolve("ends.xlsx"), "<si><t>Polska</t></si>",
				"<row r=\"1\"><c t=\"s\"><v>0</v></c></row>");
		List<Path> before = tempFiles();
		try (SpreadsheetReader reader = new SpreadsheetOpener(SMALL).open(file)) {
			assertThat(tempFiles()).hasSize(before.size() + 1);
			try (SheetRows rows = reader.rows(0)) {
				assertThat(rows.next().cell(0)).isEqualTo("Polska");
			}
		}
		assertThat(tempFiles()).isEqualTo(before);
	}

	private static List<SheetRow> readAll(Path file, ReadingLimits limits) {
		List<SheetRow> rows = new ArrayList<>();
		try (SpreadsheetReader reader = new SpreadsheetOpener(limits).open(file);
				SheetRows sheetRows = reader.rows(0)) {
			sheetRows.forEachRemaining(rows::add);
		}
		return rows;
	}

	private static List<Path> tempFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((path) -> path.getFileName().toString().startsWith(XlsxSharedStrings.tempFilePrefix()))
				.sorted()
				.toList();
		}
	}

}
