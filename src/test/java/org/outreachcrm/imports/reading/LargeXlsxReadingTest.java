package org.outreachcrm.imports.reading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
		assertThat(output).contains("rows=" + (ROWS + 1)).contains("lastPhone=4860" + ROWS);
	}

	/** Shared strings too, as Excel writes them, since those are held in memory. */
	private static Path writeMillionRows(Path file) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
				OutputStream out = Files.newOutputStream(file)) {
			var sheet = workbook.createSheet("Partners");
			var header = sheet.createRow(0);
			List<String> headers = List.of("Organization", "First name", "Last name", "Email", "Phone", "Country");
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 1; r <= ROWS; r++) {
				var row = sheet.createRow(r);
				row.createCell(0).setCellValue("Organization number " + r);
				row.createCell(1).setCellValue("Anna" + (r % 1000));
				row.createCell(2).setCellValue("Nowak-" + r);
				row.createCell(3).setCellValue("person" + r + "@example.org");
				row.createCell(4).setCellValue(48600000000.0 + r);
				row.createCell(5).setCellValue("Polska");
			}
			workbook.write(out);
		}
		return file;
	}

	/** Runs in the child JVM. */
	static final class CountRows {

		public static void main(String[] args) {
			try (SpreadsheetReader reader = new SpreadsheetOpener().open(Path.of(args[0]));
					SheetRows rows = reader.rows(0)) {
				long count = 0;
				String lastPhone = "";
				while (rows.hasNext()) {
					lastPhone = rows.next().cell(4);
					count++;
				}
				System.out.println("rows=" + count + " lastPhone=" + lastPhone);
			}
		}

	}

}
