package org.outreachcrm.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.outreachcrm.outreach.InteractionDayCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report benchmark: starts the real application in its own JVM with the heap capped (512
 * MB by default) on MariaDB, writes N interactions (default 1,000,000) over one quarter
 * into its database with JDBC batches, then runs the OUTREACH_ACTIVITY report over that
 * quarter through the API and prints the seconds from request to completed file and the
 * peak heap the application used.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=org.outreachcrm.bench.ReportBenchmark -Dbench.rows=1000000
 * </pre>
 *
 * With {@code -Dbench.reuse=true} it measures again on the rows a previous run generated
 * (the bench profile passes it on).
 */
public final class ReportBenchmark {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] COUNTRIES = { "PL", "RO", "DE", "FR", "KE", "BR", "JP", "US", "UA", "EG", "IN", "MX",
			"ZA", "ES", "IT" };

	private static final String[] TYPES = { "CALL", "EMAIL", "MEETING_IN_PERSON", "MEETING_ONLINE", "EVENT", "LETTER",
			"MESSAGE", "OTHER" };

	private static final String[] ORGANIZATION_TYPES = { "NGO", "FOUNDATION", "TRADE_UNION", "ACADEMIA", "MEDIA",
			"GOVERNMENT" };

	static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	static final LocalDate TO = LocalDate.of(2025, 3, 31);

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(System.getProperty("bench.rows", "1000000").split(",")[0].strip());
		String heap = System.getProperty("bench.heap", "512m");
		// blank settings of the bench profile are dropped by BenchSuite
		String database = System.getProperty("bench.database", "crm_bench_reports").strip();
		String jdbcUrl = "jdbc:mysql://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true"
				+ "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true"
				+ "&useSSL=false&allowPublicKeyRetrieval=true";
		String user = System.getProperty("bench.db.user", "root");
		String password = System.getProperty("bench.db.password", "");
		Path work = Path.of("target/bench/" + UUID.randomUUID());
		Files.createDirectories(work);
		int port = BenchApp.freePort();
		Process app = start(work, port, heap, jdbcUrl, user, password);
		String result;
		try {
			if (!Boolean.getBoolean("bench.reuse")) {
				try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
					Instant start = Instant.now();
					generate(db, rows);
					System.out.printf(Locale.ROOT, "Generated %,d interactions in %.1f s%n", rows,
							Duration.between(start, Instant.now()).toMillis() / 1000.0);
				}
			}
			measure(port); // warm-up: first queries, class loading, JIT
			result = measure(port);
		}
		finally {
			BenchApp.stop(app);
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Report benchmark: MariaDB, heap -Xmx%s, %d cores, Java %s%n", heap,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println("| interactions | report | seconds | file KB | status | peak heap MB (before GC) |");
		System.out.println("| ---: | --- | ---: | ---: | --- | ---: |");
		System.out.printf(Locale.ROOT, "| %,d | %s %d |%n", rows, result,
				BenchApp.peakHeapMegabytes(work.resolve("gc.log"), 0));
	}

	/** Organizations, staff and N interactions spread over the quarter, in batches. */
	static void generate(Connection db, int rows) throws Exception {
		db.setAutoCommit(false);
		Random random = new Random(42);
		// the report reads the daily counts: take the old rows out of them, count the new
		// in
		InteractionDayCounts counts = new InteractionDayCounts(
				JdbcClient.create(new SingleConnectionDataSource(db, true)));
		counts.uncountIds(9_000_000_000L, Long.MAX_VALUE);
		try (Statement clean = db.createStatement()) {
			clean.execute("DELETE FROM interaction WHERE id >= 9000000000");
			clean.execute("DELETE FROM organization WHERE id >= 9000000000");
			clean.execute("DELETE FROM app_user WHERE id >= 9000000000");
		}
		db.commit();
		int staff = 40;
		int organizations = 20_000;
		Timestamp created = Timestamp.valueOf(LocalDateTime.of(2024, 6, 1, 0, 0));
		try (PreparedStatement insert = db
			.prepareStatement("INSERT INTO app_user (id, username, username_key, password_hash,"
					+ " display_name, enabled, password_change_required, created_at, updated_at, version)"
					+ " VALUES (?, ?, ?, '{noop}x', ?, TRUE, FALSE, ?, ?, 0)")) {
			for (int i = 0; i < staff; i++) {
				insert.setLong(1, 9_000_000_000L + i);
				insert.setString(2, "bench-staff-" + i);
				insert.setString(3, "bench-staff-" + i);
				insert.setString(4, "Staff member " + i);
				insert.setTimestamp(5, created);
				insert.setTimestamp(6, created);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement insert = db.prepareStatement("INSERT INTO organization (id, name, name_key, type,"
				+ " country, stage, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 'CONTACTED', ?, ?, 0)")) {
			for (int i = 0; i < organizations; i++) {
				insert.setLong(1, 9_000_000_000L + i);
				insert.setString(2, "Bench organization " + i);
				insert.setString(3, "bench organization " + i);
				insert.setString(4, ORGANIZATION_TYPES[i % ORGANIZATION_TYPES.length]);
				insert.setString(5, COUNTRIES[i % COUNTRIES.length]);
				insert.setTimestamp(6, created);
				insert.setTimestamp(7, created);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		db.commit();
		long seconds = Duration.between(FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay()).toSeconds();
		try (PreparedStatement insert = db.prepareStatement("INSERT INTO interaction (id, organization_id, country,"
				+ " type, occurred_at, time_zone, direction, subject, staff_id, campaign_id, created_at, updated_at,"
				+ " version) VALUES (?, ?, ?, ?, ?, 'UTC', 'OUTBOUND', 'Bench', ?, NULL, ?, ?, 0)")) {
			for (int i = 0; i < rows; i++) {
				int organization = random.nextInt(organizations);
				Timestamp at = Timestamp
					.valueOf(FROM.atStartOfDay().plusSeconds((long) (random.nextDouble() * seconds)));
				insert.setLong(1, 9_000_000_000L + i);
				insert.setLong(2, 9_000_000_000L + organization);
				insert.setString(3, COUNTRIES[organization % COUNTRIES.length]);
				insert.setString(4, TYPES[random.nextInt(TYPES.length)]);
				insert.setTimestamp(5, at);
				insert.setLong(6, 9_000_000_000L + random.nextInt(staff));
				insert.setTimestamp(7, at);
				insert.setTimestamp(8, at);
				insert.addBatch();
				if (i % 10_000 == 9_999) {
					insert.executeBatch();
					db.commit();
				}
			}
			insert.executeBatch();
			counts.countIds(9_000_000_000L, 9_000_000_000L + rows - 1);
			db.commit();
		}
	}

	private static String measure(int port) throws Exception {
		Instant start = Instant.now();
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(BenchApp.uri(port, "/api/reports/runs"))
			.header("Authorization", BenchApp.basic("admin", PASSWORD))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"type\":\"OUTREACH_ACTIVITY\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Run answered " + response.statusCode() + ": " + response.body());
		}
		long id = JSON.readTree(response.body()).get("id").asLong();
		JsonNode run;
		do {
			Thread.sleep(50);
			run = JSON.readTree(BenchApp.get(port, "/api/reports/runs/" + id, "admin", PASSWORD).body());
		}
		while ("QUEUED".equals(run.get("status").asString()) || "RUNNING".equals(run.get("status").asString()));
		double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
		HttpResponse<byte[]> file = HTTP
			.send(HttpRequest.newBuilder(BenchApp.uri(port, "/api/reports/runs/" + id + "/file"))
				.header("Authorization", BenchApp.basic("admin", PASSWORD))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		return String.format(Locale.ROOT, "OUTREACH_ACTIVITY %s – %s | %.2f | %d | %s %s |", FROM, TO, seconds,
				file.body().length / 1024, run.get("status").asString(),
				run.get("message").isNull() ? "" : run.get("message").asString());
	}

	private static Process start(Path work, int port, String heap, String jdbcUrl, String user, String password)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
				"-Xlog:gc:file=" + work.resolve("gc.log").toAbsolutePath(), "-cp",
				System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication",
				"--server.port=" + port, "--crm.data-dir=" + work.toAbsolutePath(),
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.inbox-dir=" + work.resolve("inbox").toAbsolutePath(),
				"--crm.reports.directory=" + work.resolve("reports").toAbsolutePath(), "--crm.reports.tick-cron=-",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--logging.level.root=WARN"));
		Process process = BenchApp.launch(
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile()));
		return BenchApp.awaitReady(process, 480, work.resolve("app.log"),
				() -> BenchApp.get(port, "/actuator/health", "admin", PASSWORD).statusCode() == 200);
	}

}
