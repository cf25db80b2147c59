package org.outreachcrm.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.ApplicationProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the application with SIGKILL in the middle of an import and starts it again: the
 * import resumes and ends exactly as an uninterrupted one would, with nothing missing and
 * nothing twice. Runs the real application in child JVMs on an H2 file database.
 */
class ImportCrashRecoveryIT {

	static final int ORGANIZATIONS = 500;

	static final int ROWS = 12_000;

	static final String PASSWORD = "Crash-test-Passw0rd";

	private final Path work = Path.of("target/crash-it/" + UUID.randomUUID());

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ApplicationProcess> processes = new ArrayList<>();

	@AfterEach
	void stopApplications() {
		this.processes.forEach(ApplicationProcess::close);
	}

	@Test
	void anImportCutOffByAKillEndsAsIfNothingHappened() throws Exception {
		Path file = partnerList(this.work.resolve("big.xlsx"));
		ApplicationProcess first = start();
		long id = upload(first, file);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> run(first, id).get("rowsRead").asLong() >= 1_000);
		JsonNode cutOff = run(first, id);
		first.kill();
		assertThat(cutOff.get("rowsRead").asLong()).as("killed before the end of the file").isLessThan(ROWS);

		ApplicationProcess second = start();
		JsonNode finished = await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> run(second, id), (node) -> !"RUNNING".equals(node.get("status").asString())
					&& !"QUEUED".equals(node.get("status").asString()));

		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("rowsRead").asLong()).isEqualTo(ROWS);
		assertThat(finished.get("rowsImported").asLong()).isEqualTo(ROWS);
		assertThat(finished.get("organizationsCreated").asLong()).isEqualTo(ORGANIZATIONS);
		assertThat(finished.get("contactsCreated").asLong()).isEqualTo(ROWS);
		assertThat(total(second, "/api/organizations?q=crashtest")).isEqualTo(ORGANIZATIONS);
		assertThat(total(second, "/api/contacts?q=crashtest")).isEqualTo(ROWS);
	}

	private ApplicationProcess start() throws IOException {
		// the second start reuses the first one's H2 file database and folders
		ApplicationProcess application = ApplicationProcess.start(this.work, "app",
				List.of("--crm.data-dir=" + this.work.toAbsolutePath(),
						"--spring.datasource.url=jdbc:h2:file:" + this.work.toAbsolutePath()
								+ "/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
						"--crm.accounts.initial-admin.username=admin",
						"--crm.accounts.initial-admin.password=" + PASSWORD, "--crm.imports.chunk-size=100",
						"--crm.imports.inbox-dir=" + this.work.resolve("inbox").toAbsolutePath(),
						// every imported person is counted exactly: above the directory's
						// count cap (1,000) a search total is only a lower bound
						"--crm.directory.count-cap=20000"));
		this.processes.add(application);
		return application;
	}

	private long upload(ApplicationProcess application, Path file) throws Exception {
		HttpResponse<String> response = application.upload("/api/imports", file, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asLong();
	}

	private JsonNode run(ApplicationProcess application, long id) throws Exception {
		return this.json.readTree(application.get("/api/imports/" + id, "admin", PASSWORD).body());
	}

	private long total(ApplicationProcess application, String path) throws Exception {
		JsonNode answer = this.json.readTree(application.get(path, "admin", PASSWORD).body());
		assertThat(answer.get("totalExact").asBoolean()).as("an exact total").isTrue();
		return answer.get("page").get("totalElements").asLong();
	}

	static Path partnerList(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			SXSSFSheet sheet = workbook.createSheet("Partners");
			Row header = sheet.createRow(0);
			String[] headers = { "Organization", "Country", "First name", "Last name", "Email", "Job title" };
			for (int i = 0; i < headers.length; i++) {
				header.createCell(i).setCellValue(headers[i]);
			}
			for (int r = 1; r <= ROWS; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("Crashtest Organization " + (r % ORGANIZATIONS));
				row.createCell(1).setCellValue(r % 2 == 0 ? "PL" : "Romania");
				row.createCell(2).setCellValue("Person" + r);
				row.createCell(3).setCellValue("Crashtest");
				row.createCell(4).setCellValue("person" + r + "@crashtest.example.org");
				row.createCell(5).setCellValue("Member");
			}
			workbook.write(out);
		}
		return file;
	}

}
