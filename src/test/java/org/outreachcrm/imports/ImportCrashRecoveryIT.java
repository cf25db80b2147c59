package org.outreachcrm.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopApplications() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void anImportCutOffByAKillEndsAsIfNothingHappened() throws Exception {
		Path file = partnerList(this.work.resolve("big.xlsx"));
		int port = freePort();
		Process first = start(port);
		long id = upload(port, file);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> run(port, id).get("rowsRead").asLong() >= 1_000);
		first.destroyForcibly().waitFor();
		JsonNode cutOff = run(port + 0, id, true);
		assertThat(cutOff == null || cutOff.get("rowsRead").asLong() < ROWS).isTrue();

		start(port);
		JsonNode finished = await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> run(port, id), (node) -> !"RUNNING".equals(node.get("status").asString())
					&& !"QUEUED".equals(node.get("status").asString()));

		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("rowsRead").asLong()).isEqualTo(ROWS);
		assertThat(finished.get("rowsImported").asLong()).isEqualTo(ROWS);
		assertThat(finished.get("organizationsCreated").asLong()).isEqualTo(ORGANIZATIONS);
		assertThat(finished.get("contactsCreated").asLong()).isEqualTo(ROWS);
		assertThat(total(port, "/api/organizations?q=crashtest")).isEqualTo(ORGANIZATIONS);
		assertThat(total(port, "/api/contacts?q=crashtest")).isEqualTo(ROWS);
	}

	private Process start(int port) throws IOException {
		Files.createDirectories(this.work);
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication",
				"--server.port=" + port, "--crm.data-dir=" + this.work.toAbsolutePath(),
				"--spring.datasource.url=jdbc:h2:file:" + this.work.toAbsolutePath()
						+ "/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.chunk-size=100",
				"--crm.imports.inbox-dir=" + this.work.resolve("inbox").toAbsolutePath(), "--logging.level.root=WARN");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("app-" + this.processes.size() + ".log").toFile())
			.start();
		this.processes.add(process);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("application process").isTrue();
			try {
				return get(port, "/actuator/health").statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return process;
	}

	private long upload(int port, Path file) throws Exception {
		String boundary = "----crash" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] content = Files.readAllBytes(file);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(port, "/api/imports"))
			.header("Authorization", basic())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asLong();
	}

	private JsonNode run(int port, long id) throws Exception {
		return this.json.readTree(get(port, "/api/imports/" + id).body());
	}

	private JsonNode run(int port, long id, boolean mayBeDown) {
		try {
			return run(port, id);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private long total(int port, String path) throws Exception {
		return this.json.readTree(get(port, path).body()).get("page").get("totalElements").asLong();
	}

	private HttpResponse<String> get(int port, String path) throws IOException {
		try {
			return this.http.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", basic()).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
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
