package org.outreachcrm.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.jspecify.annotations.Nullable;
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
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.rows=100000,1000000 -Dbench.db=mariadb
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
		List<Result> results = run(new Settings(db, heap, System.getProperty("bench.db.name", "crm_bench"),
				sizes(System.getProperty("bench.rows", "100000")),
				List.of(System.getProperty("bench.formats", "xlsx,csv").split(",")),
				Integer.getInteger("bench.warmup", 0), false));
		System.out.println();
		System.out.printf(Locale.ROOT, "Import benchmark: database %s, heap -Xmx%s, %d cores, Java %s%n", db, heap,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println(HEADER);
		results.forEach((result) -> System.out.println(result.markdown()));
		printRatios(results);
	}

	/**
	 * Each import against the {@code LOAD DATA} of the same number of rows, and the
	 * application's CPU seconds per 1,000 rows.
	 */
	static void printRatios(List<Result> results) {
		System.out.println();
		System.out.println("| rows | import | seconds | × LOAD DATA | app CPU s per 1,000 rows |");
		System.out.println("| ---: | --- | ---: | ---: | ---: |");
		for (Result result : results) {
			if (!result.isImport()) {
				continue;
			}
			Double load = results.stream()
				.filter((other) -> !other.isImport() && other.rows() == result.rows())
				.map(Result::seconds)
				.findFirst()
				.orElse(null);
			System.out.println(String.format(Locale.ROOT, "| %,d | %s | %.1f | %s | %.2f |", result.rows(),
					result.format(), result.seconds(),
					load == null ? "" : String.format(Locale.ROOT, "%.1f", result.seconds() / load),
					result.appCpuSeconds() / (result.rows() / 1000.0)));
		}
	}

	static final String HEADER = """
			| rows | format | file MB | seconds | rows/s | app CPU s | DB server CPU s | peak heap MB (before GC) | status |
			| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

	/**
	 * What to measure: {@code freshPerFormat} imports each format into a new database by
	 * a new application (so that every format inserts rather than re-imports the people
	 * the one before created); otherwise one application imports every format in turn.
	 */
	record Settings(String db, String heap, String databaseName, List<Integer> sizes, List<String> formats, int warmup,
			boolean freshPerFormat) {
	}

	/**
	 * One measured import, or the {@code LOAD DATA} of the same rows (format "LOAD DATA
	 * ...").
	 */
	record Result(int rows, String format, double fileMegabytes, double seconds, @Nullable Double appCpuSeconds,
			@Nullable Double databaseCpuSeconds, @Nullable Long peakHeapMegabytes, String status) {

		double rowsPerSecond() {
			return this.rows / this.seconds;
		}

		boolean isImport() {
			return this.appCpuSeconds != null;
		}

		String markdown() {
			return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %,.0f | %s | %s | %s | %s |", this.rows,
					this.format, this.fileMegabytes, this.seconds, rowsPerSecond(), figure(this.appCpuSeconds),
					figure(this.databaseCpuSeconds), this.peakHeapMegabytes == null ? "" : this.peakHeapMegabytes,
					this.status);
		}

		private static String figure(@Nullable Double value) {
			return value == null || value < 0 ? "" : String.format(Locale.ROOT, "%.1f", value);
		}

	}

	static List<Integer> sizes(String list) {
		return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
	}

	static List<Result> run(Settings settings) throws Exception {
		List<Result> results = new ArrayList<>();
		List<List<String>> groups = settings.freshPerFormat() ? settings.formats().stream().map(List::of).toList()
				: List.of(settings.formats());
		boolean mariadb = "mariadb".equals(settings.db());
		for (List<String> formats : groups) {
			Path work = Path.of("target/bench/" + UUID.randomUUID());
			Files.createDirectories(work);
			if (settings.freshPerFormat() && mariadb) {
				dropDatabase(settings.databaseName());
			}
			int port = BenchApp.freePort();
			Process app = start(work, port, settings.db(), settings.heap(), settings.databaseName());
			try {
				if (settings.warmup() > 0) {
					// a first file with other people, so that the figures below are those
					// of
					// a running application (classes loaded, code compiled)
					Path file = xlsx(work.resolve("warmup.xlsx"), settings.warmup(), 10_000_000);
					System.out.println(
							"warm-up: " + measure(app, port, file, settings.warmup(), "xlsx (first import after start)")
								.markdown());
				}
				boolean coldWarm = Boolean.getBoolean("bench.coldWarm");
				for (int rows : settings.sizes()) {
					for (String format : formats) {
						boolean csv = "csv".equals(format.strip());
						Path file = csv ? csv(work.resolve(rows + ".csv"), rows)
								: xlsx(work.resolve(rows + ".xlsx"), rows);
						boolean first = coldWarm && !csv && results.isEmpty() && settings.warmup() == 0;
						Result result = measure(app, port, file, rows,
								format.strip() + (first ? ", cold (first import after start)" : ""));
						System.out.println(result.markdown());
						results.add(result);
						if (coldWarm && !csv) {
							// the same organizations (stored now) with other people: the
							// JVM's code is loaded and compiled
							Path again = xlsx(work.resolve(rows + "-warm.xlsx"), rows, 20_000_000);
							Result warm = measure(app, port, again, rows,
									format.strip() + ", warm (next import, same organizations, other people)");
							System.out.println(warm.markdown());
							results.add(warm);
						}
					}
					if (mariadb && formats == groups.get(0)) {
						results.add(loadData(work.resolve(rows + ".tsv"), rows, settings.databaseName()));
					}
				}
			}
			finally {
				BenchApp.stop(app);
			}
		}
		return results;
	}

	private static void dropDatabase(String name) throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:mysql://" + dbHost() + "/?useSSL=false&allowPublicKeyRetrieval=true",
				System.getProperty("bench.db.user", "root"), System.getProperty("bench.db.password", ""));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + name.replace("`", "") + "`");
		}
	}

	private static Result measure(Process app, int port, Path file, int rows, String format) throws Exception {
		Duration cpuBefore = cpu(app);
		double serverBefore = serverCpuSeconds();
		Instant start = Instant.now();
		long id = upload(port, file);
		JsonNode run;
		Instant end;
		long interval = 1000;
		do {
			// every poll authenticates with BCrypt (the API is stateless): poll seldom so
			// that the benchmark does not take CPU from the import, and often near the
			// end;
			// the end is when a poll first sees the run finished (the run's finishedAt
			// has
			// whole seconds only on MariaDB: Connector/J sends it no fractions)
			Thread.sleep(interval);
			run = JSON.readTree(BenchApp.get(port, "/api/imports/" + id, "admin", PASSWORD).body());
			end = Instant.now();
			long done = run.path("rowsRead").asLong(0);
			interval = (done >= rows * 0.95) ? 100 : 1000;
		}
		while ("QUEUED".equals(run.get("status").asString()) || "RUNNING".equals(run.get("status").asString()));
		double seconds = Duration.between(start, end).toMillis() / 1000.0;
		double cpuSeconds = cpu(app).minus(cpuBefore).toMillis() / 1000.0;
		double serverSeconds = serverCpuSeconds() - serverBefore;
		String message = run.get("message").isNull() ? "" : " " + run.get("message").asString();
		// the duplicate check runs after COMPLETED, on the import worker: wait for it
		// (the
		// next import would queue behind it) and report it beside the import
		Instant checkEnd = end;
		while ("CHECKING".equals(run.path("duplicateCheck").asString(""))) {
			Thread.sleep(200);
			run = JSON.readTree(BenchApp.get(port, "/api/imports/" + id, "admin", PASSWORD).body());
			checkEnd = Instant.now();
		}
		if (!run.path("duplicateCheck").isMissingNode() && !run.path("duplicateCheck").isNull()) {
			message += String.format(Locale.ROOT, "; duplicate check %s after %.1f s more (%s pairs)",
					run.get("duplicateCheck").asString(), Duration.between(end, checkEnd).toMillis() / 1000.0,
					run.path("possibleDuplicates").asString("-"));
		}
		return new Result(rows, format, Files.size(file) / 1e6, seconds, cpuSeconds, serverSeconds,
				BenchApp.peakHeapMegabytes(file.resolveSibling("gc.log"), 0), run.get("status").asString() + message);
	}

	/**
	 * CPU seconds the local database server ({@code mariadbd} or {@code mysqld}, found in
	 * {@code /proc}) of {@code bench.db.host} has used so far, all its clients included:
	 * the one started with {@code --port=<its port>}, or else the one started without a
	 * port. Negative when there is no such process here (a remote server, or not Linux).
	 */
	static double serverCpuSeconds() {
		String host = dbHost();
		String port = host.contains(":") ? host.substring(host.lastIndexOf(':') + 1) : "3306";
		double withoutPort = -1;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path dir : (Iterable<Path>) processes::iterator) {
				Path comm = dir.resolve("comm");
				if (!dir.getFileName().toString().chars().allMatch(Character::isDigit) || !Files.isReadable(comm)) {
					continue;
				}
				String name = Files.readString(comm).strip();
				if (name.equals("mariadbd") || name.equals("mysqld")) {
					String commandLine = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
					String stat = Files.readString(dir.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					// utime and stime, in clock ticks (100 per second on Linux)
					double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					if (commandLine.contains("--port=" + port + " ")) {
						return seconds;
					}
					if (!commandLine.contains("--port=")) {
						withoutPort = seconds;
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return withoutPort;
	}

	/**
	 * The MariaDB server, host:port ({@code bench.db.host}, 127.0.0.1:3306 by default).
	 */
	static String dbHost() {
		return System.getProperty("bench.db.host", "127.0.0.1:3306");
	}

	/** CPU time the application has used so far (all its threads, user and system). */
	private static Duration cpu(Process app) {
		return app.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static Process start(Path work, int port, String db, String heap, String databaseName) throws Exception {
		// bench.java: another JDK's java (e.g. JDK 25 for its AOT cache)
		String java = System.getProperty("bench.java", "").strip();
		List<String> command = new ArrayList<>(
				List.of(java.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java,
						"-Xmx" + heap, "-Xlog:gc:file=" + work.resolve("gc.log").toAbsolutePath()));
		String jvmArgs = System.getProperty("bench.jvmArgs", "").strip();
		if (!jvmArgs.isEmpty()) {
			command.addAll(List.of(jvmArgs.replace("{work}", work.toAbsolutePath().toString()).split("\\s+")));
		}
		// bench.aot: a JDK 25 AOT cache file (JEP 483/514); when it does not exist yet,
		// this run is the training run that writes it at exit
		String aot = System.getProperty("bench.aot", "").strip();
		if (!aot.isEmpty()) {
			Path cache = Path.of(aot).toAbsolutePath();
			command.add((Files.exists(cache) ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + cache);
			System.out.println((Files.exists(cache) ? "AOT cache: " : "AOT training run, writing: ") + cache);
		}
		// bench.jar: the packaged (or extracted) application jar instead of the class
		// path of target/classes (an AOT or CDS cache needs jars)
		String jar = System.getProperty("bench.jar", "").strip();
		command.addAll(jar.isEmpty()
				? List.of("-cp", System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication")
				: List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
		command.addAll(List.of("--server.port=" + port, "--crm.data-dir=" + work.toAbsolutePath(),
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.inbox-dir=" + work.resolve("inbox").toAbsolutePath(),
				"--spring.servlet.multipart.max-file-size=500MB", "--spring.servlet.multipart.max-request-size=501MB",
				"--logging.level.root=WARN"));
		String appArgs = System.getProperty("bench.appArgs", "").strip();
		if (!appArgs.isEmpty()) {
			command.addAll(List.of(appArgs.split("\\s+")));
		}
		if ("mariadb".equals(db)) {
			// the production profile (its Connector/J settings and bulk load folder), as
			// the
			// scale benchmark runs it
			command.add("--spring.profiles.active=mysql");
			command.add("--spring.datasource.url=jdbc:mysql://" + dbHost() + "/" + databaseName
					+ "?createDatabaseIfNotExist=true"
					+ "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true"
					+ "&useSSL=false&allowPublicKeyRetrieval=true&openTelemetry=DISABLED"
					+ System.getProperty("bench.db.urlParams", "").strip());
			command.add("--spring.datasource.username=" + System.getProperty("bench.db.user", "root"));
			command.add("--spring.datasource.password=" + System.getProperty("bench.db.password", ""));
		}
		Instant launched = Instant.now();
		Process process = BenchApp.launch(
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile()));
		// up to ten minutes: the start is slow while other builds share the cores
		BenchApp.awaitReady(process, 1200, work.resolve("app.log"),
				() -> BenchApp.get(port, "/actuator/health", "admin", PASSWORD).statusCode() == 200);
		System.out.printf(Locale.ROOT, "start to /actuator/health UP: %.1f s%n",
				Duration.between(launched, Instant.now()).toMillis() / 1000.0);
		return process;
	}

	private static long upload(int port, Path file) throws Exception {
		String boundary = "----bench" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(BenchApp.uri(port, "/api/imports"))
			.header("Authorization", BenchApp.basic("admin", PASSWORD))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).get("id").asLong();
	}

	private static final String[] COUNTRIES = { "PL", "Romania", "Deutschland", "USA", "Kenya", "Brasil", "Japan",
			"România", "Polska", "FR" };

	private static final String[] NAMES = { "Łucja", "Ștefan", "Jürgen", "Aïssatou", "Оксана", "王小明", "Zofia", "Mihai",
			"João", "Wanjiku" };

	static String[] row(int r) {
		return row(r, 0);
	}

	static String[] row(int r, int offset) {
		String name = NAMES[r % NAMES.length];
		return new String[] { "Organizacja " + (r % 20_000) + " " + name, COUNTRIES[r % COUNTRIES.length], name,
				"Nazwisko" + r, "person" + (r + offset) + "@bench.example.org",
				"+48 601 " + String.format("%06d", r % 1_000_000), "Koordynator" };
	}

	static final String[] HEADERS = { "Nazwa organizacji", "Kraj", "Imię", "Nazwisko", "Adres e-mail", "Telefon",
			"Stanowisko" };

	static Path xlsx(Path file, int rows) throws IOException {
		return xlsx(file, rows, 0);
	}

	static Path xlsx(Path file, int rows, int offset) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet("Partnerzy");
			write(sheet.createRow(0), HEADERS);
			for (int r = 1; r <= rows; r++) {
				write(sheet.createRow(r), row(r, offset));
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

	/**
	 * The database's own bulk-load limit: the same rows as a tab-separated file into a
	 * plain table with {@code LOAD DATA LOCAL INFILE}, from this JVM.
	 */
	private static Result loadData(Path file, int rows, String databaseName) throws Exception {
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int r = 1; r <= rows; r++) {
				out.write(String.join("\t", row(r)));
				out.write("\n");
			}
		}
		String url = "jdbc:mysql://" + dbHost() + "/" + databaseName
				+ "?allowLoadLocalInfile=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
		try (Connection connection = DriverManager.getConnection(url, System.getProperty("bench.db.user", "root"),
				System.getProperty("bench.db.password", "")); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_load");
			statement.execute("""
					CREATE TABLE bench_load (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
					  organization VARCHAR(300), country VARCHAR(100), given_name VARCHAR(200),
					  family_name VARCHAR(200), email VARCHAR(320), phone VARCHAR(50), role VARCHAR(200))
					ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
			Instant start = Instant.now();
			statement.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''")
					+ "' INTO TABLE bench_load CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t'"
					+ " (organization, country, given_name, family_name, email, phone, role)");
			double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
			statement.execute("DROP TABLE bench_load");
			return new Result(rows, "LOAD DATA LOCAL INFILE (plain table)", Files.size(file) / 1e6, seconds, null, null,
					null, "");
		}
	}

	private static void write(Row row, String[] values) {
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
