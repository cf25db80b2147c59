package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XLSX sheet reader on sheet XML as other programs than POI write it: inline strings
 * (plain, in rich-text runs, with phonetic runs and escaped characters), cells and rows
 * without references, booleans, errors, empty values, and dates in the 1904 date system.
 */
class XlsxSheetRowsTest {

	@TempDir
	Path dir;

	@Test
	void readsInlineStringsBooleansErrorsAndDatesAsPeopleSeeThem() throws IOException {
		Path file = xlsx(
				"""
						<row r="1">
						  <c r="A1" t="inlineStr"><is><t>Fundacja Łódź</t></is></c>
						  <c r="C1" t="inlineStr"><is><r><t>Anna </t></r><r><rPr><b/></rPr><t>Kowalska</t></r><rPh sb="0" eb="1"><t>ア</t></rPh></is></c>
						  <c r="D1" t="b"><v>1</v></c>
						  <c r="E1" t="e"><v>#N/A</v></c>
						  <c r="F1"><v></v></c>
						  <c r="G1" s="1"><v>1</v></c>
						  <c r="H1" t="str"><f>B1&amp;"x"</f><v>cached</v></c>
						</row>
						<row>
						  <c t="inlineStr"><is><t>line_x000D_break</t></is></c>
						  <c><v>48601234567</v></c>
						</row>
						<row r="5"><c r="B5" t="inlineStr"><is><t>   </t></is></c></row>
						<row r="7"><c r="AA7" t="s"><v>0</v></c></row>
						""");
		try (SpreadsheetReader reader = new SpreadsheetOpener().open(file)) {
			assertThat(reader.sheetNames()).containsExactly("Lista");
			List<SheetRow> rows = new ArrayList<>();
			try (SheetRows sheetRows = reader.rows(0)) {
				sheetRows.forEachRemaining(rows::add);
			}
			assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 7);
			SheetRow first = rows.get(0);
			assertThat(first.cell(0)).isEqualTo("Fundacja Łódź");
			assertThat(first.cell(1)).isEmpty();
			assertThat(first.cell(2)).as("runs joined, phonetic run left out").isEqualTo("Anna Kowalska");
			assertThat(first.cell(3)).isEqualTo("TRUE");
			assertThat(first.cell(4)).as("error cell").isEmpty();
			assertThat(first.cell(5)).as("empty value").isEmpty();
			assertThat(first.cell(6)).as("day 1 of the 1904 date system").isEqualTo("1904-01-02");
			assertThat(first.isDate(6)).isTrue();
			assertThat(first.cell(7)).as("formula's cached text").isEqualTo("cached");
			assertThat(rows.get(1).cell(0)).as("escaped carriage return, cells without references")
				.isEqualTo("line\rbreak");
			assertThat(rows.get(1).cell(1)).isEqualTo("48601234567");
			assertThat(rows.get(2).cell(26)).as("shared string").isEqualTo("Polska");
		}
	}

	private Path xlsx(String rows) throws IOException {
		return CraftedXlsx.write(this.dir.resolve("list.xlsx"), "<si><t>Polska</t></si>", rows);
	}

}
