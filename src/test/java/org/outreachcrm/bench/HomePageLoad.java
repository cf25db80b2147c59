package org.outreachcrm.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale benchmark's home part: the page a login lands on, as a browser asks for it
 * (signed in through the login form with a session cookie, HTML, not the API), one role
 * at a time.
 */
final class HomePageLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	HomePageLoad(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Signs {@code username} in, asks for {@code /} {@code warmUp} times uncounted, then
	 * {@code times} times one after the other.
	 */
	HttpLoad.Sample measure(String name, String username, String password, int warmUp, int times) throws Exception {
		return measure(name, "/", username, password, warmUp, times);
	}

	/**
	 * As {@link #measure(String, String, String, int, int)}, for {@code path} (a part the
	 * home page asks for after itself, as htmx does).
	 */
	HttpLoad.Sample measure(String name, String path, String username, String password, int warmUp, int times)
			throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.cookieHandler(new CookieManager())
			.build();
		logIn(http, username, password);
		for (int i = 0; i < warmUp; i++) {
			home(http, path);
		}
		double[] millis = new double[times];
		long errors = 0;
		String firstError = "";
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			String outcome;
			try {
				HttpResponse<String> response = home(http, path);
				// a 200 that is the login form means the session was lost: an error too
				outcome = (response.statusCode() != 200 || response.body().contains("id=\"password\""))
						? String.valueOf(response.statusCode()) : null;
			}
			catch (java.net.http.HttpTimeoutException ex) {
				// one slow answer is a failed sample, not the end of the run
				outcome = "TIMEOUT";
			}
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (outcome != null) {
				errors++;
				if (firstError.isEmpty()) {
					firstError = outcome + " " + path + " as " + username + " after " + Math.round(millis[i]) + " ms";
				}
			}
		}
		return new HttpLoad.Sample(name, millis, errors, firstError);
	}

	private void logIn(HttpClient http, String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(this.base + "/login?lang=en")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(form.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the login page: " + form.statusCode());
		}
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(
					"Could not sign in as " + username + ": " + signedIn.statusCode() + " " + location);
		}
	}

	private HttpResponse<String> home(HttpClient http, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path + "?lang=en"))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html");
		if (!path.equals("/")) {
			request.header("HX-Request", "true");
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
