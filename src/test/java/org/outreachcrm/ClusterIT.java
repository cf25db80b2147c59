package org.outreachcrm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.outreachcrm.testsupport.ApplicationProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two application instances on different ports over one MariaDB/MySQL database and one
 * shared inbox folder, as in production behind a load balancer. Runs with the
 * MySQL-protocol tests ({@code -Pmariadb}, what {@code .ci/run} does); H2 is
 * single-instance by design.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ClusterIT {

	static final String PASSWORD = "Cluster-test-Passw0rd";

	private final Path work = Path.of("target/cluster-it/" + UUID.randomUUID()).toAbsolutePath();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ApplicationProcess> instances = new ArrayList<>();

	private ApplicationProcess first;

	private ApplicationProcess second;

	private List<String> shared = List.of();

	private GreenMail smtp;

	@BeforeAll
	void startTwoInstances() throws Exception {
		String testUrl = System.getProperty("crm.test.mariadb.url", "");
		assumeTrue(!testUrl.isBlank(), "two instances need a shared MySQL-protocol database: run with -Pmariadb");
		String url = recreateDatabase(testUrl, "crm_cluster_it");
		// before the instances: their health check connects to it
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
		List<String> shared = List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getProperty("crm.test.mariadb.username", "root"),
				"--spring.datasource.password=" + System.getProperty("crm.test.mariadb.password", ""),
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.inbox-dir=" + this.work.resolve("inbox"), "--crm.imports.inbox-poll-interval=1s",
				"--crm.imports.inbox-settle-time=1s", "--crm.imports.storage-dir=" + this.work.resolve("uploads"),
				"--crm.imports.chunk-size=100", "--crm.imports.resume-interval=2s", "--crm.imports.claim-timeout=30s",
				// both schedulers tick every second, and both look for unclaimed runs
				"--crm.reports.directory=" + this.work.resolve("reports"), "--crm.reports.tick-cron=* * * * * *",
				"--crm.reports.resume-interval=1s", "--crm.reports.claim-timeout=30s", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				// the takeover test counts all 12,000 imported people exactly: above the
				// directory's count cap (1,000) a search total is only a lower bound
				"--crm.directory.count-cap=20000");
		this.shared = shared;
		// the first creates the schema and the admin, then the second joins it
		this.first = start("first", shared);
		this.second = start("second", shared);
	}

	@AfterAll
	void stopInstances() {
		this.instances.forEach(ApplicationProcess::close);
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void aUserLoggedInOnOneInstanceIsLoggedInOnTheOther() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = browser
			.send(HttpRequest.newBuilder(this.first.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(this.first.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> onSecond = browser.send(HttpRequest.newBuilder(this.second.uri("/directory")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(onSecond.statusCode()).as("the session made on the first instance, used on the second")
			.isEqualTo(200);
		assertThat(onSecond.body()).contains("admin");
	}

	@Test
	void concurrentEditsThroughBothInstancesEndInOneSuccessAndOneConflict() throws Exception {
		HttpResponse<String> created = this.first
			.send(json(this.first, "/api/organizations").POST(HttpRequest.BodyPublishers
				.ofString("{\"name\":\"Cluster Edit Foundation\",\"type\":\"FOUNDATION\",\"country\":\"PL\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode organization = this.json.readTree(created.body());
		long id = organization.get("id").asLong();
		long version = organization.get("version").asLong();

		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Integer> viaFirst = CompletableFuture
			.supplyAsync(() -> rename(this.first, id, version, "Cluster Edit Foundation (first)", go));
		CompletableFuture<Integer> viaSecond = CompletableFuture
			.supplyAsync(() -> rename(this.second, id, version, "Cluster Edit Foundation (second)", go));
		go.countDown();

		assertThat(List.of(viaFirst.get(), viaSecond.get())).containsExactlyInAnyOrder(200, 409);
		JsonNode stored = this.json.readTree(this.second.get("/api/organizations/" + id, "admin", PASSWORD).body());
		assertThat(stored.get("version").asLong()).isEqualTo(version + 1);
	}

	@Test
	void aFileDroppedInTheSharedInboxIsImportedExactlyOnce() throws Exception {
		Path inbox = Files.createDirectories(this.work.resolve("inbox"));
		Path staged = partnerList(this.work.resolve("cluster-partners.xlsx"), 40, "Clusterinbox");
		Files.move(staged, inbox.resolve("cluster-partners.xlsx"), StandardCopyOption.ATOMIC_MOVE);

		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> completedRuns("cluster-partners.xlsx") == 1);
		// several more polls of both instances: still one run, and each row once
		await().during(Duration.ofSeconds(5))
			.atMost(Duration.ofSeconds(10))
			.until(() -> runs("cluster-partners.xlsx") == 1);
		assertThat(total(this.second, "/api/contacts?q=clusterinbox")).isEqualTo(40);
	}

	@Test
	void anImportWhoseInstanceDiesIsFinishedByAnotherExactlyOnce() throws Exception {
		int rows = 12_000;
		Path file = partnerList(this.work.resolve("cluster-takeover.xlsx"), rows, "Clustertakeover");
		ApplicationProcess doomed = start("doomed", this.shared);
		HttpResponse<String> upload = doomed.upload("/api/imports", file, "admin", PASSWORD);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		long id = this.json.readTree(upload.body()).get("id").asLong();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> importRun(this.first, id).get("rowsRead").asLong() >= 500);
		doomed.kill();

		// the claim expires (30 s here) and one of the survivors resumes the run
		JsonNode finished = await().atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> importRun(this.second, id), (run) -> "COMPLETED".equals(run.get("status").asString())
					|| "FAILED".equals(run.get("status").asString()));
		assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
		assertThat(finished.get("rowsRead").asLong()).isEqualTo(rows);
		assertThat(finished.get("contactsCreated").asLong()).isEqualTo(rows);
		assertThat(total(this.first, "/api/contacts?q=clustertakeover")).isEqualTo(rows);
	}

	@Test
	void aScheduledReportRunsOnceAcrossBothInstances() throws Exception {
		// a slot a few seconds ahead, in a cron that matches no other time this year
		ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
		String cron = slot.getSecond() + " " + slot.getMinute() + " " + slot.getHour() + " " + slot.getDayOfMonth()
				+ " " + slot.getMonthValue() + " *";
		HttpResponse<String> created = this.first
			.send(json(this.first, "/api/reports/schedules").POST(HttpRequest.BodyPublishers.ofString("""
					{"name":"Cluster activity","type":"OUTREACH_ACTIVITY","period":"LAST_WEEK","frequency":"CRON",
					 "cron":"%s","timeZone":"UTC","recipients":["board@cluster.example.org"],
					 "skipWhenEmpty":false,"enabled":true}""".formatted(cron))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode schedule = this.json.readTree(created.body());
		long scheduleId = schedule.get("id").asLong();
		assertThat(Instant.parse(schedule.get("nextRunAt").asString())).isEqualTo(slot.toInstant());

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> scheduledRuns(scheduleId).stream()
				.anyMatch((run) -> "SENT".equals(run.get("deliveryStatus").asString())));
		// several more ticks of both schedulers and resume looks: still one run, one
		// email
		await().during(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> scheduledRuns(scheduleId).size() == 1
					&& this.smtp.getReceivedMessagesForDomain("cluster.example.org").length == 1);

		JsonNode run = scheduledRuns(scheduleId).get(0);
		long runId = run.get("id").asLong();
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		String fileName = run.get("fileName").asString();
		assertThat(fileName).endsWith("_" + runId + ".xlsx");
		try (Stream<Path> files = Files.list(this.work.resolve("reports"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly(fileName);
		}
		JsonNode deliveries = this.json
			.readTree(this.second.get("/api/reports/runs/" + runId + "/deliveries", "admin", PASSWORD).body());
		assertThat(deliveries).singleElement()
			.satisfies((attempt) -> assertThat(attempt.get("succeeded").asBoolean()).isTrue());
		MimeMessage message = this.smtp.getReceivedMessagesForDomain("cluster.example.org")[0];
		assertThat(((Multipart) message.getContent()).getCount()).as("summary and workbook").isEqualTo(2);
		JsonNode after = this.json
			.readTree(this.second.get("/api/reports/schedules/" + scheduleId, "admin", PASSWORD).body());
		assertThat(after.get("lastOutcome").asString()).startsWith("Run " + runId + " queued");
	}

	private List<JsonNode> scheduledRuns(long scheduleId) throws IOException {
		JsonNode page = this.json.readTree(this.second.get("/api/reports/runs?size=100", "admin", PASSWORD).body());
		List<JsonNode> runs = new ArrayList<>();
		for (JsonNode run : page.get("content")) {
			if (run.get("scheduleId") != null && run.get("scheduleId").asLong() == scheduleId) {
				runs.add(run);
			}
		}
		return runs;
	}

	private JsonNode importRun(ApplicationProcess instance, long id) throws IOException {
		return this.json.readTree(instance.get("/api/imports/" + id, "admin", PASSWORD).body());
	}

	private int rename(ApplicationProcess instance, long id, long version, String name, CountDownLatch go) {
		try {
			go.await();
			return instance
				.send(json(instance, "/api/organizations/" + id).PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\""
						+ name + "\",\"type\":\"FOUNDATION\",\"country\":\"PL\",\"version\":" + version + "}")))
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder json(ApplicationProcess instance, String path) {
		return HttpRequest.newBuilder(instance.uri(path))
			.header("Authorization", ApplicationProcess.basic("admin", PASSWORD))
			.header("Content-Type", "application/json");
	}

	private long runs(String fileName) throws IOException {
		return importRuns(fileName).size();
	}

	private long completedRuns(String fileName) throws IOException {
		return importRuns(fileName).stream().filter((run) -> "COMPLETED".equals(run.get("status").asString())).count();
	}

	private List<JsonNode> importRuns(String fileName) throws IOException {
		JsonNode page = this.json.readTree(this.first.get("/api/imports?size=100", "admin", PASSWORD).body());
		List<JsonNode> matching = new ArrayList<>();
		for (JsonNode run : page.get("content")) {
			if (fileName.equals(run.get("fileName").asString())) {
				matching.add(run);
			}
		}
		return matching;
	}

	private long total(ApplicationProcess instance, String path) throws IOException {
		JsonNode answer = this.json.readTree(instance.get(path, "admin", PASSWORD).body());
		assertThat(answer.get("totalExact").asBoolean()).as("an exact total").isTrue();
		return answer.get("page").get("totalElements").asLong();
	}

	private ApplicationProcess start(String name, List<String> arguments) throws IOException {
		ApplicationProcess instance = ApplicationProcess.start(this.work, name, arguments);
		this.instances.add(instance);
		return instance;
	}

	/** The test database URL pointed at a fresh database of the given name. */
	static String recreateDatabase(String testUrl, String database) throws Exception {
		Matcher parts = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]*)(\\?.*)?$").matcher(testUrl);
		assertThat(parts.matches()).as("MySQL URL %s", testUrl).isTrue();
		String query = parts.group(3) == null ? "" : parts.group(3);
		try (Connection connection = DriverManager.getConnection(parts.group(1) + query,
				System.getProperty("crm.test.mariadb.username", "root"),
				System.getProperty("crm.test.mariadb.password", ""));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		return parts.group(1) + database + query;
	}

	static Path partnerList(Path file, int rows, String marker) throws IOException {
		Files.createDirectories(file.getParent());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Partners");
			String[] headers = { "Organization", "Country", "First name", "Last name", "Email" };
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				header.createCell(i).setCellValue(headers[i]);
			}
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(marker + " Association " + (r % 7));
				row.createCell(1).setCellValue("Romania");
				row.createCell(2).setCellValue("Person" + r);
				row.createCell(3).setCellValue(marker);
				row.createCell(4)
					.setCellValue("person" + r + "@" + marker.toLowerCase(java.util.Locale.ROOT) + ".example.org");
			}
			workbook.write(out);
		}
		return file;
	}

}
