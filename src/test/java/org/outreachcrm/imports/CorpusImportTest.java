package org.outreachcrm.imports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every file of Apache POI's own collection of odd, broken, fuzzed, encrypted and legacy
 * spreadsheets goes through the whole import (upload, plan, job): each ends COMPLETED or
 * FAILED with a message, and a FAILED one leaves nothing behind.
 */
@SpringBootTest(properties = "crm.imports.chunk-size=200")
class CorpusImportTest {

	private static final Path CORPUS = Path.of(System.getProperty("corpus", "../shared/corpus/poi-spreadsheets"));

	@Autowired
	Imports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyCorpusFileEndsCompletedOrFailedWithAMessage() throws Exception {
		assumeTrue(Files.isDirectory(CORPUS), "corpus folder " + CORPUS.toAbsolutePath() + " is absent");
		List<Path> files;
		try (Stream<Path> listing = Files.list(CORPUS)) {
			files = listing.filter(Files::isRegularFile).sorted().toList();
		}
		List<Long> ids = new ArrayList<>();
		for (Path file : files) {
			try (InputStream content = Files.newInputStream(file)) {
				ids.add(this.imports
					.submit(content, file.getFileName().toString(), ImportOptions.defaults(), "TEST", "admin")
					.id());
			}
		}
		int completed = 0;
		for (long id : ids) {
			ImportView run = await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> this.imports.get(id), ImportView::finished);
			if (run.status() == ImportStatus.FAILED) {
				assertThat(run.message()).as(run.fileName()).isNotBlank().doesNotContain("Exception");
				assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM import_change WHERE import_id = ?",
						Integer.class, id))
					.as("nothing of FAILED %s stays", run.fileName())
					.isZero();
			}
			else {
				completed++;
			}
		}
		assertThat(files).hasSizeGreaterThan(300);
		assertThat(completed).as("files with recognizable headers import").isPositive();
	}

}
