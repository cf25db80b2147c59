package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a 1,000,000-row XLSX in a child JVM limited to 512 MB of heap, which only a
 * streaming reader can. Takes minutes on a busy machine, so it runs only when asked:
 * {@code -Dcrm.test.large=true}.
 */
@EnabledIfSystemProperty(named = "crm.test.large", matches = "true")
class LargeXlsxReadingTest {

	private static final int ROWS = 1_000_000;

	@TempDir
	Path dir;

	@Test
	void readsAMillionRowsWithinHalfAGigabyteOfHeap() throws Exception {
		Path file = writeMillionRows(this.dir.resolve("million.xlsx"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				CountRows.class.getName(), file.toString())
			.redirectErrorStream(true)
			.start();
		String output;
		try {
			output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(child.exitValue()).as(output).isZero();
		assertThat(output).contains("rows=" + (ROWS + 1))
			.contains("lastPhone=4860" + ROWS)
			.contains("lastEmail=person" + ROWS + "@example.org")
			.contains("lastCountry=Polska");
	}

	/**
	 * Shared strings too, as Excel writes them: a distinct string for the organization,
	 * last name and email of every row (3 million, about 120 MB unpacked), the same few
	 * for first names and the country. Written as XML while it is produced, so that this
	 * test needs little heap itself.
	 */
	private static Path writeMillionRows(Path file) throws IOException {
		List<String> headers = List.of("Organization", "First name", "Last name", "Email", "Phone", "Country");
		int country = headers.size();
		int firstNames = country + 1;
		int perRow = firstNames + 1000;
		return CraftedXlsx.write(file, (out) -> {
			for (String header : headers) {
				item(out, header);
			}
			item(out, "Polska");
			for (int i = 0; i < 1000; i++) {
				item(out, "Anna" + i);
			}
			for (int r = 1; r <= ROWS; r++) {
				item(out, "Organization number " + r);
				item(out, "Nowak-" + r);
				item(out, "person" + r + "@example.org");
			}
		}, (out) -> {
			out.write("<row r=\"1\">");
			for (int i = 0; i < headers.size(); i++) {
				out.write("<c t=\"s\"><v>" + i + "</v></c>");
			}
			out.write("</row>");
			for (int r = 1; r <= ROWS; r++) {
				int own = perRow + 3 * (r - 1);
				out.write("<row r=\"" + (r + 1) + "\"><c t=\"s\"><v>" + own + "</v></c><c t=\"s\"><v>"
						+ (firstNames + r % 1000) + "</v></c><c t=\"s\"><v>" + (own + 1) + "</v></c><c t=\"s\"><v>"
						+ (own + 2) + "</v></c><c><v>" + (48600000000L + r) + "</v></c><c t=\"s\"><v>" + country
						+ "</v></c></row>\n");
			}
		});
	}

	private static void item(Writer out, String text) throws IOException {
		out.write("<si><t>");
		out.write(text);
		out.write("</t></si>");
	}

	/** Runs in the child JVM. */
	static final class CountRows {

		public static void main(String[] args) {
			try (SpreadsheetReader reader = new SpreadsheetOpener().open(Path.of(args[0]));
					SheetRows rows = reader.rows(0)) {
				long count = 0;
				SheetRow last = null;
				while (rows.hasNext()) {
					last = rows.next();
					count++;
				}
				System.out.println("rows=" + count + " lastPhone=" + last.cell(4) + " lastEmail=" + last.cell(3)
						+ " lastCountry=" + last.cell(5));
			}
		}

	}

}
