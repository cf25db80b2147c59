package org.outreachcrm.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the load balancer, the orchestrator and the metrics scraper see, over real HTTP:
 * public health probes, admin-only metrics, and logins kept in the shared session table.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {

	private static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	@Test
	void answersHealthProbesWithoutCredentials() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void servesPrometheusMetricsToAdminsOnly() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", basic("admin", "wrong-password-123")).statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = get("/actuator/prometheus", basic("admin", ADMIN_PASSWORD));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes")
			.contains("http_server_requests")
			.contains("instance=\"");
	}

	@Test
	void observesApiRequestsAsAWholeNotEachSecurityFilter() throws Exception {
		assertThat(get("/api/organizations?size=1", basic("admin", ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
		String metrics = get("/actuator/prometheus", basic("admin", ADMIN_PASSWORD)).body();
		assertThat(metrics).contains("uri=\"/api/organizations\"")
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authentications")
			.doesNotContain("spring_security_authorizations");
	}

	@Test
	void createsNoSessionForApiRequests() throws Exception {
		this.users.create(new NewUser("api-script", "Script-Passw0rd-123", "API Script", null,
				java.util.Set.of(Role.STAFF), java.util.Set.of()));
		HttpResponse<String> list = get("/api/organizations?size=1", basic("api-script", "Script-Passw0rd-123"));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'api-script'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesMetricsToStaff() throws Exception {
		this.users.create(new NewUser("ops-staff", "Staff-Passw0rd-123", "Ops Staff", null,
				java.util.Set.of(Role.STAFF), java.util.Set.of()));
		assertThat(get("/actuator/prometheus", basic("ops-staff", "Staff-Passw0rd-123")).statusCode()).isEqualTo(403);
	}

	@Test
	void keepsLoggedInSessionsInTheSharedDatabaseTable() throws Exception {
		HttpResponse<String> loginPage = get("/login", null);
		Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(token.find()).as("login form carries a CSRF token").isTrue();
		String anonymousSession = sessionCookie();
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(sessionCookie()).as("session fixation: the login gets a new session id")
			.isNotEqualTo(anonymousSession);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'admin'")
			.query(Long.class)
			.single()).isPositive();
		HttpResponse<String> home = get("/directory", null);
		assertThat(home.statusCode()).as("the session cookie logs the next request in: %s", home.headers().map())
			.isEqualTo(200);
	}

	private String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie"));
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
