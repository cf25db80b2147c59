package org.outreachcrm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

/**
 * Sends what an attacker, a broken script or an unlucky file would send to every endpoint
 * that takes a body or a file, to the real application in its own JVM with a 512 MB heap
 * (as in production), and checks each answer (status, problem detail, how fast) and that
 * the application still serves the next request. The payloads are generated here; nothing
 * large is committed.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HostileInputIT {

	static final String PASSWORD = "Hostile-input-Passw0rd";

	static final String STAFF_PASSWORD = "Hostile-staff-Passw0rd";

	/** "Well under a second" on a developer machine; generous for a loaded CI runner. */
	static final Duration QUICK = Duration.ofSeconds(3);

	private final Path work = Path.of("target/hostile-it/" + UUID.randomUUID()).toAbsolutePath();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private ApplicationProcess app;

	@BeforeAll
	void start() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--crm.data-dir=" + this.work.resolve("data"),
				"--crm.accounts.initial-admin.username=admin", "--crm.accounts.initial-admin.password=" + PASSWORD,
				"--crm.imports.inbox-dir=" + this.work.resolve("inbox"),
				"--crm.imports.storage-dir=" + this.work.resolve("uploads"),
				"--crm.reports.directory=" + this.work.resolve("reports"), "--crm.reports.tick-cron=-"));
		// H2 by default; the MySQL-protocol server with -Pmariadb (what .ci/run does)
		String testUrl = System.getProperty("crm.test.mariadb.url", "");
		if (!testUrl.isBlank()) {
			arguments.add("--spring.datasource.url=" + ClusterIT.recreateDatabase(testUrl, "crm_hostile_it"));
			arguments.add("--spring.datasource.username=" + System.getProperty("crm.test.mariadb.username", "root"));
			arguments.add("--spring.datasource.password=" + System.getProperty("crm.test.mariadb.password", ""));
		}
		this.app = ApplicationProcess.start(this.work, "hostile", arguments);
		HttpResponse<String> staff = send(json("POST", "/api/users", "admin", PASSWORD, """
				{"username":"hostile-staff","password":"%s","displayName":"Staff","roles":["STAFF"]}"""
			.formatted(STAFF_PASSWORD)));
		assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	// the reported case: a million tags, about 10 MB, as STAFF

	@Test
	void aMillionTagsAreRefusedBeforeTheyAreRead() throws Exception {
		byte[] body = organizationWithTags(1_000_000);
		assertThat(body.length).isGreaterThan(9_000_000);

		Timed answer = timed(() -> send(HttpRequest.newBuilder(this.app.uri("/api/organizations"))
			.header("Authorization", ApplicationProcess.basic("hostile-staff", STAFF_PASSWORD))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))));

		assertProblem(answer.response(), 413, "larger than the limit of 1 MB");
		assertThat(answer.took()).isLessThan(QUICK);
		assertStillServing();
	}

	@Test
	void aBodySentWithoutALengthIsCountedWhileItIsRead() throws Exception {
		byte[] body = organizationWithTags(1_000_000);
		// ofInputStream has no known length: the body goes chunked, without
		// Content-Length
		Timed answer = timed(() -> send(HttpRequest.newBuilder(this.app.uri("/api/organizations"))
			.header("Authorization", ApplicationProcess.basic("hostile-staff", STAFF_PASSWORD))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))));

		assertProblem(answer.response(), 413, "larger than the limit of 1 MB");
		assertThat(answer.took()).isLessThan(QUICK);
		assertStillServing();
	}

	@Test
	void manyTagsWithinTheBodyLimitAreRefusedByTheirBound() throws Exception {
		Timed answer = timed(() -> send(json("POST", "/api/organizations", "hostile-staff", STAFF_PASSWORD,
				new String(organizationWithTags(50_000), StandardCharsets.UTF_8))));

		JsonNode problem = assertProblem(answer.response(), 400, "Tags: ");
		assertThat(problem.get("errors").toString()).contains("tags");
		assertThat(answer.took()).isLessThan(QUICK);
		assertStillServing();
	}

	@Test
	void deepNestingLongStringsAndLongNumbersAreRefusedByTheParser() throws Exception {
		// an unknown property: skipped by the parser, which still counts its depth
		String deep = "{\"name\":\"Deep\",\"type\":\"NGO\",\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000)
				+ "}";
		assertProblem(send(json("POST", "/api/organizations", "admin", PASSWORD, deep)), 400, "nesting depth");

		String longName = "{\"name\":\"" + "x".repeat(500_000) + "\",\"type\":\"NGO\"}";
		assertProblem(send(json("POST", "/api/organizations", "admin", PASSWORD, longName)), 400,
				"String value length");

		String longNumber = "{\"organizationId\":" + "9".repeat(5_000) + "}";
		assertProblem(send(json("POST", "/api/contacts/1/affiliations", "admin", PASSWORD, longNumber)), 400,
				"Number value length");
		assertStillServing();
	}

	/** Every endpoint that takes a JSON body, with a body of 2 MB: refused unread. */
	@Test
	void everyJsonEndpointRefusesABodyOverTheLimit() throws Exception {
		String padding = "{\"name\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}";
		for (String[] endpoint : JSON_ENDPOINTS) {
			HttpResponse<String> answer = send(json(endpoint[0], endpoint[1], "admin", PASSWORD, padding));
			assertProblem(answer, 413, "larger than the limit");
		}
		assertStillServing();
	}

	/**
	 * Every endpoint that takes a JSON body, with a small body whose collection or text
	 * is over its bound: 400 naming the field.
	 */
	@Test
	void everyJsonEndpointBoundsItsCollectionsAndTexts() throws Exception {
		String ids10001 = numbers(10_001);
		String longText = "\"" + "t".repeat(20_001) + "\"";
		List<String[]> cases = List.of(
				new String[] { "POST", "/api/organizations",
						"{\"name\":\"A\",\"type\":\"NGO\",\"tags\":" + words(51) + "}", "tags" },
				new String[] { "PUT", "/api/organizations/1",
						"{\"name\":\"A\",\"type\":\"NGO\",\"version\":0,\"languages\":" + words(21) + "}",
						"languages" },
				new String[] { "POST", "/api/contacts", "{\"displayName\":\"A\",\"tags\":" + words(51) + "}", "tags" },
				new String[] { "PUT", "/api/contacts/1", "{\"displayName\":\"A\",\"emails\":" + emails(11) + "}",
						"emails" },
				new String[] { "PUT", "/api/contacts/1/consent",
						"{\"status\":\"GIVEN\",\"purpose\":\"" + "p".repeat(501) + "\",\"version\":0}", "purpose" },
				new String[] { "POST", "/api/contacts/1/affiliations",
						"{\"organizationId\":1,\"role\":\"" + "r".repeat(201) + "\"}", "role" },
				new String[] { "PUT", "/api/contacts/1/affiliations/1",
						"{\"organizationId\":1,\"role\":\"" + "r".repeat(201) + "\",\"version\":0}", "role" },
				new String[] { "POST", "/api/interactions", interaction(numbers(101)), "contactIds" },
				new String[] { "PUT", "/api/interactions/1", interaction(numbers(101)), "contactIds" },
				new String[] { "POST", "/api/follow-ups/1/complete",
						"{\"version\":0,\"interaction\":" + interaction(numbers(101)) + "}", "contactIds" },
				new String[] { "POST", "/api/campaigns",
						"{\"name\":\"C\",\"startsOn\":\"2026-01-01\",\"targetOrganizationIds\":" + ids10001 + "}",
						"targetOrganizationIds" },
				new String[] { "PUT", "/api/campaigns/1",
						"{\"name\":\"C\",\"startsOn\":\"2026-01-01\",\"description\":" + longText + ",\"version\":0}",
						"description" },
				new String[] { "POST", "/api/meetings", meeting("m".repeat(301)), "title" },
				new String[] { "PUT", "/api/meetings/1", meeting("m".repeat(301)), "title" },
				new String[] { "POST", "/api/meetings/1/attendance", "{\"contactIds\":" + numbers(2001) + "}",
						"contactIds" },
				new String[] { "POST", "/api/users",
						"{\"username\":\"u-many\",\"password\":\"" + STAFF_PASSWORD
								+ "\",\"roles\":[\"STAFF\"],\"countries\":" + countries(251) + "}",
						"countries" },
				new String[] { "PUT", "/api/users/1",
						"{\"displayName\":\"U\",\"enabled\":true,\"roles\":[\"STAFF\"],\"countries\":" + countries(251)
								+ ",\"version\":0}",
						"countries" },
				new String[] { "POST", "/api/users/1/password",
						"{\"password\":\"" + "a1B-".repeat(60) + "\",\"forceChange\":false}", "password" },
				new String[] { "POST", "/api/reports/runs",
						"{\"type\":\"OUTREACH_ACTIVITY\",\"period\":\"LAST_MONTH\",\"countries\":" + countries(251)
								+ "}",
						"countries" },
				new String[] { "POST", "/api/reports/schedules", schedule(emails(51)), "recipients" },
				new String[] { "PUT", "/api/reports/schedules/1", schedule(emails(51)), "recipients" });
		for (String[] c : cases) {
			Timed answer = timed(() -> send(json(c[0], c[1], "admin", PASSWORD, c[2])));
			// the detail names the field by its label for people; errors[].field by its
			// name
			JsonNode problem = assertProblem(answer.response(), 400, ": ");
			assertThat(problem.get("errors").toString()).as(c[0] + " " + c[1]).contains(c[3]);
			assertThat(answer.took()).as(c[0] + " " + c[1]).isLessThan(QUICK);
		}
		assertStillServing();
	}

	// uploads

	@Test
	void anUploadOverTheLimitIsAProblemDetailAndThePageSaysSo() throws Exception {
		long size = 102L * 1024 * 1024;
		String boundary = "----hostile" + UUID.randomUUID();
		Timed answer = timed(() -> send(HttpRequest.newBuilder(this.app.uri("/api/imports"))
			.header("Authorization", ApplicationProcess.basic("admin", PASSWORD))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers
				.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(size)), size))));
		assertProblem(answer.response(), 413, "larger than the limit of 101 MB");
		// the client sends the whole body before it reads the answer (Tomcat discards it)
		assertThat(answer.took()).isLessThan(Duration.ofSeconds(20));

		// the page: sent back to the upload form, which names the limit in the user's
		// language
		HttpResponse<String> page = send(HttpRequest.newBuilder(this.app.uri("/imports"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers
				.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(size)), size)));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/imports?tooLarge=true");

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = browser
			.send(HttpRequest.newBuilder(this.app.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(token.find()).isTrue();
		browser.send(HttpRequest.newBuilder(this.app.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> form = browser.send(
				HttpRequest.newBuilder(this.app.uri("/imports?tooLarge=true&lang=pl")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Plik jest większy niż limit przesyłania wynoszący 100 MB")
			.contains("enctype=\"multipart/form-data\"");
		assertStillServing();
	}

	@Test
	void anXlsxWhoseSharedStringsUnpackFarBeyondTheLimitIsRefusedAndLeftFailed() throws Exception {
		Path bomb = sharedStringsBomb(this.work.resolve("bomb.xlsx"), 80L * 1024 * 1024);
		Timed answer = timed(() -> uploadFile("/api/imports?dryRun=true", bomb));
		assertThat(answer.response().statusCode()).as(answer.response().body()).isEqualTo(202);
		JsonNode run = this.json.readTree(answer.response().body());
		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("awaitingReview").asBoolean()).isFalse();
		assertThat(run.get("message").asString()).contains("xl/sharedStrings.xml").contains("64 MB");
		assertThat(answer.took()).isLessThan(Duration.ofSeconds(20));

		// in Polish too, and the run stays failed when asked again
		HttpResponse<String> polish = send(
				HttpRequest.newBuilder(this.app.uri("/api/imports/" + run.get("id").asLong()))
					.header("Authorization", ApplicationProcess.basic("admin", PASSWORD))
					.header("Accept-Language", "pl"));
		JsonNode again = this.json.readTree(polish.body());
		assertThat(again.get("status").asString()).isEqualTo("FAILED");
		assertThat(again.get("message").asString()).contains("64 MB").contains("części");
		assertStillServing();
	}

	@Test
	void aCsvWithASixtyMegabyteFieldRejectsThatRowAndImportsTheRest() throws Exception {
		Path csv = this.work.resolve("long-field.csv");
		try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv), StandardCharsets.UTF_8),
				1 << 16)) {
			out.write("Organization,Email,Notes\n");
			out.write("Hostile Field Foundation,first@hostile-field.example,short\n");
			out.write("Hostile Field Two,second@hostile-field.example,\"");
			char[] block = "long quoted text, with separators\n and lines ".repeat(1000).toCharArray();
			for (long written = 0; written < 60L * 1024 * 1024; written += block.length) {
				out.write(block);
			}
			out.write("\"\n");
			out.write("Hostile Field Three,third@hostile-field.example,fine\n");
		}
		HttpResponse<String> upload = uploadFile("/api/imports", csv);
		Files.delete(csv);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		long id = this.json.readTree(upload.body()).get("id").asLong();

		JsonNode run = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.json.readTree(get("/api/imports/" + id).body()),
					(node) -> !"QUEUED".equals(node.get("status").asString())
							&& !"RUNNING".equals(node.get("status").asString()));
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(run.get("rowsRejected").asLong()).isEqualTo(1);
		JsonNode problems = this.json.readTree(get("/api/imports/" + id + "/problems").body());
		assertThat(problems.toString()).contains("longer than 32767 characters").contains("row 3");
		assertThat(problems.get(0).get("column").asString()).isEqualTo("Notes");
		assertThat(problems.get(0).get("row").asLong()).isEqualTo(3);
		assertThat(this.json.readTree(get("/api/organizations?q=hostile%20field").body())
			.get("page")
			.get("totalElements")
			.asLong()).isEqualTo(2);
		assertStillServing();
	}

	// helpers

	private static final String[][] JSON_ENDPOINTS = { { "POST", "/api/organizations" },
			{ "PUT", "/api/organizations/1" }, { "POST", "/api/organizations/1/stage" }, { "POST", "/api/contacts" },
			{ "PUT", "/api/contacts/1" }, { "PUT", "/api/contacts/1/consent" },
			{ "POST", "/api/contacts/1/affiliations" }, { "PUT", "/api/contacts/1/affiliations/1" },
			{ "POST", "/api/interactions" }, { "PUT", "/api/interactions/1" }, { "POST", "/api/follow-ups/1/complete" },
			{ "POST", "/api/campaigns" }, { "PUT", "/api/campaigns/1" }, { "POST", "/api/meetings" },
			{ "PUT", "/api/meetings/1" }, { "POST", "/api/meetings/1/invitations" },
			{ "PUT", "/api/meetings/1/invitations/1" }, { "POST", "/api/meetings/1/attendance" },
			{ "POST", "/api/users" }, { "PUT", "/api/users/1" }, { "POST", "/api/users/1/password" },
			{ "POST", "/api/reports/runs" }, { "POST", "/api/reports/schedules" },
			{ "PUT", "/api/reports/schedules/1" } };

	private static byte[] organizationWithTags(int count) {
		StringBuilder body = new StringBuilder(count * 10 + 64)
			.append("{\"name\":\"Tagged\",\"type\":\"NGO\",\"tags\":[");
		for (int i = 0; i < count; i++) {
			body.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
		}
		return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String words(int count) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			words.add("\"w" + i + "\"");
		}
		return "[" + String.join(",", words) + "]";
	}

	private static String emails(int count) {
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			emails.add("\"p" + i + "@example.org\"");
		}
		return "[" + String.join(",", emails) + "]";
	}

	private static String numbers(int count) {
		List<String> numbers = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			numbers.add(String.valueOf(i));
		}
		return "[" + String.join(",", numbers) + "]";
	}

	private static String countries(int count) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			codes.add("\"" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "\"");
		}
		return "[" + String.join(",", codes) + "]";
	}

	private static String interaction(String contactIds) {
		return "{\"organizationId\":1,\"contactIds\":" + contactIds
				+ ",\"type\":\"CALL\",\"occurredAt\":\"2026-01-05T10:00:00Z\",\"direction\":\"OUTBOUND\",\"subject\":\"S\",\"version\":0}";
	}

	private static String meeting(String title) {
		return "{\"title\":\"" + title
				+ "\",\"startsAt\":\"2026-03-01T10:00:00Z\",\"endsAt\":\"2026-03-01T12:00:00Z\",\"version\":0}";
	}

	private static String schedule(String recipients) {
		return "{\"name\":\"S\",\"type\":\"OUTREACH_ACTIVITY\",\"period\":\"LAST_WEEK\",\"frequency\":\"DAILY\",\"time\":\"08:00\","
				+ "\"timeZone\":\"UTC\",\"recipients\":" + recipients
				+ ",\"skipWhenEmpty\":false,\"enabled\":true,\"version\":0}";
	}

	/**
	 * An XLSX whose shared strings unpack to {@code unpacked} bytes at a deflate ratio
	 * well above POI's 0.01 guard (so that guard lets it through), with a valid sheet.
	 */
	private static Path sharedStringsBomb(Path file, long unpacked) throws IOException {
		Random random = new Random(14);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
							<Default Extension="xml" ContentType="application/xml"/>\
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
							<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
							</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="Partners" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
							</Relationships>""");
			entry(zip, "xl/worksheets/sheet1.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
					<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
					</sheetData></worksheet>""");
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
					+ "<si><t>Organization</t></si><si><t>Email</t></si>");
			String filler = "Partner organization of the coordination network ".repeat(20);
			long written = 0;
			while (written < unpacked) {
				// a little randomness keeps the ratio near 0.02, as in the reported file
				String item = "<si><t>" + filler + Long.toString(random.nextLong(), 36) + "</t></si>";
				out.write(item);
				written += item.length();
			}
			out.write("</sst>");
			out.flush();
			zip.closeEntry();
		}
		long compressed = Files.size(file);
		assertThat((double) compressed / unpacked).as("deflate ratio").isGreaterThan(0.01);
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private HttpResponse<String> uploadFile(String path, Path file) throws IOException {
		String boundary = "----hostile" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		long length = head.length + Files.size(file) + tail.length;
		return send(HttpRequest.newBuilder(this.app.uri(path))
			.header("Authorization", ApplicationProcess.basic("admin", PASSWORD))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
				.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(List
					.of(new java.io.ByteArrayInputStream(head), open(file), new java.io.ByteArrayInputStream(tail))))),
					length)));
	}

	private static InputStream open(Path file) {
		try {
			return Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String detailContains) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(detailContains);
		return problem;
	}

	private void assertStillServing() throws IOException {
		HttpResponse<String> next = get("/api/organizations?size=1");
		assertThat(next.statusCode()).as("the next request, after the hostile one").isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException {
		return send(HttpRequest.newBuilder(this.app.uri(path))
			.header("Authorization", ApplicationProcess.basic("admin", PASSWORD)));
	}

	private HttpRequest.Builder json(String method, String path, String user, String password, String body) {
		return HttpRequest.newBuilder(this.app.uri(path))
			.header("Authorization", ApplicationProcess.basic(user, password))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static Timed timed(IoSupplier<HttpResponse<String>> request) throws IOException {
		long start = System.nanoTime();
		HttpResponse<String> response = request.get();
		return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
	}

	@FunctionalInterface
	interface IoSupplier<T> {

		T get() throws IOException;

	}

	record Timed(HttpResponse<String> response, Duration took) {
	}

	/** {@code size} zero bytes, generated as they are read. */
	static final class ZeroStream extends InputStream {

		private long left;

		ZeroStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			this.left--;
			return 0;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
			this.left -= n;
			return n;
		}

	}

}
