package org.outreachcrm.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (the login form's POST, or a request carrying Basic
 * credentials) while {@link LoginThrottle} says it must wait: the form goes back to the
 * login page with a message, the API answers 429 with a problem detail and
 * {@code Retry-After}. The password is not even checked, so guessing is slowed.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final boolean api;

	LoginThrottleFilter(LoginThrottle throttle, boolean api) {
		this.throttle = throttle;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean attempt;
		String username;
		if (this.api) {
			username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
			attempt = username != null;
		}
		else {
			attempt = "POST".equals(request.getMethod())
					&& (request.getContextPath() + "/login").equals(request.getRequestURI());
			username = attempt ? request.getParameter("username") : null;
		}
		Duration wait = attempt ? this.throttle.wait(username, request.getRemoteAddr()) : Duration.ZERO;
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
		long minutes = Math.max(1, (seconds + 59) / 60);
		if (this.api) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
						+ "\"detail\":\"Too many failed logins. Wait " + seconds
						+ " seconds before trying again.\",\"code\":\"login.throttled\"}");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
		}
	}

	private static @Nullable String basicUsername(@Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return ""; // not Base64: still an attempt, counted by address
		}
	}

}
