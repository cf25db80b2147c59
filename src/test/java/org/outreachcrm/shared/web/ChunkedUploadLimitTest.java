package org.outreachcrm.shared.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.testsupport.DatabaseTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload sent without a length (chunked, as a streaming client sends it) that grows
 * past {@code spring.servlet.multipart.max-request-size} gets the same answer as one that
 * declares its length: 413 with our problem detail from the API, and the upload form
 * saying so for a page. Over real HTTP: Tomcat, not MockMvc, parses the parts.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB" })
class ChunkedUploadLimitTest {

	static final String PASSWORD = "Chunked-Upload-Passw0rd";

	private static final String BOUNDARY = "----chunked-upload-test";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@BeforeEach
	void anAdminToUploadWith() {
		// not the initial admin: that one is made only in an empty database, and other
		// test classes may have filled it
		if (this.users.findByUsername("chunk-admin").isEmpty()) {
			this.users.create(new NewUser("chunk-admin", PASSWORD, "Chunk Admin", null, Set.of(Role.ADMIN), Set.of()));
		}
	}

	private final HttpClient http = HttpClient.newHttpClient();

	/** A multipart body of one CSV file of {@code bytes} bytes. */
	private static byte[] upload(int bytes) {
		StringBuilder body = new StringBuilder("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"partners.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + "name,country\r\n");
		while (body.length() < bytes) {
			body.append("Fundacja Wielka,PL\r\n");
		}
		body.append("\r\n--").append(BOUNDARY).append("--\r\n");
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> postChunked(String path, byte[] body, boolean api) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			// no known length: the body goes chunked, without Content-Length
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		if (api) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString(("chunk-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApiAnswersAChunkedUploadOverTheLimitWithOurProblemDetail() throws Exception {
		HttpResponse<String> answer = postChunked("/api/imports", upload(2 * 1024 * 1024), true);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
		assertThat(problem.get("detail").asString()).isEqualTo("The upload is larger than the limit of 1 MB");
		assertThat(problem.get("maxBytes").asLong()).isEqualTo(1024 * 1024);
	}

	@Test
	void aPageSendsAChunkedUploadOverTheLimitBackToTheFormThatSaysSo() throws Exception {
		HttpResponse<String> answer = postChunked("/imports", upload(2 * 1024 * 1024), false);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/imports?tooLarge=true"));
	}

	@Test
	void aChunkedUploadWithinTheLimitIsReadAsBefore() throws Exception {
		HttpResponse<String> answer = postChunked("/api/imports?dryRun=true", upload(10 * 1024), true);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

}
