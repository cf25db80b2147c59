package org.outreachcrm.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's page session over real HTTP: its own cookie jar, the login form with its
 * CSRF token, and forms posted with the token of the page they came from. Redirects are
 * not followed, so a test sees where it would be sent.
 */
public final class PageSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private PageSession(int port) {
		this.port = port;
	}

	/** Logs in through the login form; fails the test when the login is refused. */
	public static PageSession login(int port, String username, String password) {
		PageSession session = new PageSession(port);
		HttpResponse<String> login = session.post("/login", session.token("/login"), "username", username, "password",
				password);
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("login of " + username + " refused: " + login.statusCode() + " "
					+ login.headers().firstValue("Location").orElse(""));
		}
		return session;
	}

	/** The session cookie's value (the id Spring Session keeps, encoded). */
	public String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie"));
	}

	/**
	 * The session id stored in the session table (the cookie holds it Base64-encoded).
	 */
	public String sessionId() {
		return new String(Base64.getDecoder().decode(sessionCookie()), StandardCharsets.UTF_8);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/**
	 * Posts a form the way a browser does from {@code page}: with the CSRF token that
	 * page carries (the fields are name, value pairs).
	 */
	public HttpResponse<String> submit(String page, String action, String... fields) {
		return post(action, token(page), fields);
	}

	/** The CSRF token a page carries, as a browser tab holds it ("" when none). */
	public String token(String page) {
		String body = get(page).body();
		for (Pattern pattern : List.of(FORM_TOKEN, META_TOKEN)) {
			Matcher matcher = pattern.matcher(body);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		// a page this session may no longer open: post without a token, as a stale
		// browser tab would
		return "";
	}

	/** Posts a form with the given CSRF token (the fields are name, value pairs). */
	public HttpResponse<String> post(String path, String token, String... fields) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < fields.length; i += 2) {
			pairs.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
		}
		pairs.add("_csrf=" + encode(token));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
