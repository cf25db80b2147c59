package org.outreachcrm.bench;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import benchmark: generates partner lists of the given sizes (XLSX and CSV), starts the
 * real application in its own JVM with the heap capped (512 MB by default) against the
 * chosen database, uploads each file through the API and prints rows/s and the peak heap
 * the application used.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.outreachcrm.bench.ImportBenchmark -Dbench.rows=100000,1000000 -Dbench.db=mariadb
 * </pre>
 */
public final class ImportBenchmark {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "mariadb");
		String heap = System.getProperty("bench.heap", "512m");
		String[] sizes = System.getProperty("bench.rows", "100000").split(",");
		String formats = System.getProperty("bench.formats", "xlsx,csv");
		Path work = Path.of("target/bench/" + UUID.randomUUID());
		Files.createDirectories(work);
		int port = freePort();
		Process app = start(work, port, db, heap);
		List<String> results = new ArrayList<>();
		try {
			for (String size : sizes) {
				int rows = Integer.parseInt(size.strip());
				for (String format : formats.split(",")) {
					Path file = "csv".equals(format) ? csv(work.resolve(rows + ".csv"), rows)
							: xlsx(work.resolve(rows + ".xlsx"), rows);
					results.add(measure(port, file, rows, format));
				}
			}
		}
		finally {
			app.destroy();
			app.waitFor();
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Import benchmark: database %s, heap -Xmx%s, %d cores, Java %s%n", db, heap,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println("| rows | format | file MB | seconds | rows/s | peak heap MB | status |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | --- |");
		results.forEach(System.out::println);
	}

	private static String measure(int port, Path file, int rows, String format) throws Exception {
		Instant start = Instant.now();
		long id = upload(port, file);
		long peak = 0;
		JsonNode run;
		do {
			Thread.sleep(200);
			peak = Math.max(peak, heapUsed(port));
			run = JSON.readTree(get(port, "/api/imports/" + id).body());
		}
		while ("QUEUED".equals(run.get("status").asString()) || "RUNNING".equals(run.get("status").asString()));
		double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
		return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %,.0f | %d | %s %s |", rows, format,
				Files.size(file) / 1e6, seconds, run.get("rowsRead").asLong() / seconds, peak / (1024 * 1024),
				run.get("status").asString(), run.get("message").isNull() ? "" : run.get("message").asString());
	}

	private static long heapUsed(int port) throws IOException {
		JsonNode metric = JSON.readTree(get(port, "/actuator/metrics/jvm.memory.used?tag=area:heap").body());
		return (long) metric.get("measurements").get(0).get("value").asDouble();
	}

	private static Process start(Path work, int port, String db, String heap) throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp",
				System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication",
				"--server.port=" + port, "--crm.data-dir=" + work.toAbsolutePath(),
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.inbox-dir=" + work.resolve("inbox").toAbsolutePath(),
				"--management.endpoints.web.exposure.include=health,metrics",
				"--spring.servlet.multipart.max-file-size=500MB", "--spring.servlet.multipart.max-request-size=501MB",
				"--logging.level.root=WARN"));
		if ("mariadb".equals(db)) {
			command.add("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/crm_bench?createDatabaseIfNotExist=true"
					+ "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true"
					+ "&useSSL=false&allowPublicKeyRetrieval=true");
			command.add("--spring.datasource.username=" + System.getProperty("bench.db.user", "root"));
			command.add("--spring.datasource.password=" + System.getProperty("bench.db.password", ""));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("app.log").toFile())
			.start();
		for (int i = 0; i < 240; i++) {
			Thread.sleep(500);
			if (!process.isAlive()) {
				throw new IllegalStateException("The application stopped; see " + work.resolve("app.log"));
			}
			try {
				if (get(port, "/actuator/health").statusCode() == 200) {
					return process;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
		}
		throw new IllegalStateException("The application did not start; see " + work.resolve("app.log"));
	}

	private static long upload(int port, Path file) throws Exception {
		String boundary = "----bench" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(port, "/api/imports"))
			.header("Authorization", basic())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).get("id").asLong();
	}

	private static HttpResponse<String> get(int port, String path) throws IOException {
		try {
			return HTTP.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", basic()).build(),
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

	private static final String[] COUNTRIES = { "PL", "Romania", "Deutschland", "USA", "Kenya", "Brasil", "Japan",
			"România", "Polska", "FR" };

	private static final String[] NAMES = { "Łucja", "Ștefan", "Jürgen", "Aïssatou", "Оксана", "王小明", "Zofia", "Mihai",
			"João", "Wanjiku" };

	static String[] row(int r) {
		String name = NAMES[r % NAMES.length];
		return new String[] { "Organizacja " + (r % 20_000) + " " + name, COUNTRIES[r % COUNTRIES.length], name,
				"Nazwisko" + r, "person" + r + "@bench.example.org", "+48 601 " + String.format("%06d", r % 1_000_000),
				"Koordynator" };
	}

	static final String[] HEADERS = { "Nazwa organizacji", "Kraj", "Imię", "Nazwisko", "Adres e-mail", "Telefon",
			"Stanowisko" };

	static Path xlsx(Path file, int rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet("Partnerzy");
			write(sheet.createRow(0), HEADERS);
			for (int r = 1; r <= rows; r++) {
				write(sheet.createRow(r), row(r));
			}
			workbook.write(out);
		}
		return file;
	}

	static Path csv(Path file, int rows) throws IOException {
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(";", HEADERS));
			out.write("\r\n");
			for (int r = 1; r <= rows; r++) {
				out.write(String.join(";", row(r)));
				out.write("\r\n");
			}
		}
		return file;
	}

	private static void write(Row row, String[] values) {
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
