package org.outreachcrm.imports.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;
import org.outreachcrm.imports.testdata.Bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the whole reading path (detect, open, find the header, read every row of the
 * chosen sheet) over Apache POI's collection of odd, old, broken and hostile
 * spreadsheets: each must end in rows or in a {@link SpreadsheetException} with a message
 * for the user, never in another exception or a hang.
 */
class CorpusRobustnessTest {

	private static final Path CORPUS = Path.of("../shared/corpus/poi-spreadsheets");

	// Only a guard against hangs; files take well under a second each.
	private static final Duration PER_FILE = Duration.ofSeconds(60);

	private final SpreadsheetOpener opener = new SpreadsheetOpener();

	private final HeaderRowFinder finder = new HeaderRowFinder(new HeaderMatcher());

	@Test
	void everyCorpusFileIsReadOrRefusedWithAMessage() throws IOException {
		assumeTrue(Files.isDirectory(CORPUS), "corpus folder " + CORPUS.toAbsolutePath() + " is absent");
		List<Path> files;
		try (Stream<Path> listing = Files.list(CORPUS)) {
			files = listing.filter(Files::isRegularFile).sorted().toList();
		}
		List<String> unexpected = new ArrayList<>();
		Map<String, Integer> outcomes = new TreeMap<>();
		for (Path file : files) {
			String outcome;
			long start = System.nanoTime();
			try {
				outcome = assertTimeoutPreemptively(PER_FILE, () -> read(file), () -> file + " did not finish");
			}
			catch (Throwable ex) {
				if (ex instanceof OutOfMemoryError || ex instanceof AssertionError) {
					unexpected.add(file.getFileName() + ": " + ex);
					continue;
				}
				unexpected.add(file.getFileName() + ": " + ex.getClass().getName() + ": " + ex.getMessage());
				ex.printStackTrace(System.out);
				continue;
			}
			outcomes.merge(outcome.replaceFirst(" \\{.*}", ""), 1, Integer::sum);
			System.out.println(file.getFileName() + " -> " + outcome + " ["
					+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms]");
		}
		System.out.println("Summary of " + files.size() + " files:");
		outcomes.forEach((outcome, count) -> System.out.println(count + " x " + outcome));
		assertThat(unexpected).as("files ending in something other than rows or a SpreadsheetException").isEmpty();
	}

	/** "read" with row counts, or the failure's reason. */
	private String read(Path file) {
		try (SpreadsheetReader reader = this.opener.open(file)) {
			int sheet = 0;
			String header;
			try {
				HeaderLocation location = this.finder.find(reader);
				sheet = location.sheetIndex();
				header = "header found";
			}
			catch (SpreadsheetException ex) {
				assertThat(Bundles.english(ex)).isNotBlank();
				header = ex.reason().name() + cause(ex);
				if (reader.sheetNames().isEmpty()) {
					return "read, " + header;
				}
			}
			long rows;
			try (SheetRows sheetRows = reader.rows(sheet)) {
				rows = sheetRows.stream().count();
			}
			return "read (" + reader.format() + "), " + header + (rows > 0 ? "" : ", no rows");
		}
		catch (SpreadsheetException ex) {
			assertThat(Bundles.english(ex)).isNotBlank();
			return "refused: " + ex.reason() + ": " + Bundles.english(ex).replace(file.getFileName().toString(), "*")
					+ cause(ex);
		}
	}

	// The library's own words, to judge whether a refusal is right; not for users.
	private static String cause(SpreadsheetException ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? "" : " {" + root.getClass().getSimpleName() + ": " + root.getMessage() + "}";
	}

}
