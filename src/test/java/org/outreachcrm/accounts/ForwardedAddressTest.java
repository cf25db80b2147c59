package org.outreachcrm.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the documented forwarded-headers setting, a client that is not a configured proxy
 * cannot choose its address with {@code X-Forwarded-For}: guessing with a new forwarded
 * address on each try is still slowed, over real HTTP through Tomcat's RemoteIpValve.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class ForwardedAddressTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> guess(String forwardedFor) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("admin:wrong-guess".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/organizations"))
			.header("Authorization", "Basic " + credentials)
			.header("X-Forwarded-For", forwardedFor)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void ignoresForwardedForFromAClientThatIsNotATrustedProxy() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(guess("198.51.100." + i).statusCode()).as("guess " + i).isEqualTo(401);
		}
		HttpResponse<String> fourth = guess("198.51.100.4");
		assertThat(fourth.statusCode()).isEqualTo(429);
		assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
	}

}
