package org.outreachcrm.accounts;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing API request that a browser sent on behalf of another site. A
 * browser that once answered the API's Basic prompt sends those credentials with any
 * request to the API, also with a form another site submits (a form post needs no
 * JavaScript and no CORS permission), so Basic alone does not stop cross-site request
 * forgery. Browsers name the requesting site ({@code Origin}, and {@code Sec-Fetch-Site}
 * in current browsers) on every POST, PUT, PATCH and DELETE; scripts and curl send
 * neither and are not affected. Refused: {@code Sec-Fetch-Site} other than
 * {@code same-origin} or {@code none}, and an {@code Origin} other than the application's
 * own (including the opaque {@code null}).
 */
class CrossSiteApiGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod()) || !crossSite(request)) {
			chain.doFilter(request, response);
			return;
		}
		SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN,
				"A state-changing API request from another site is refused", "api.crossSite");
	}

	static boolean crossSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		return origin != null && !origin.strip().equalsIgnoreCase(ownOrigin(request));
	}

	/** The origin the client reached, as a browser writes it (default ports left out). */
	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)
				|| port <= 0;
		return scheme + "://" + host(request.getServerName()) + (defaultPort ? "" : ":" + port);
	}

	private static String host(@Nullable String name) {
		if (name == null) {
			return "";
		}
		return (name.indexOf(':') >= 0 && !name.startsWith("[")) ? "[" + name + "]" : name;
	}

}
