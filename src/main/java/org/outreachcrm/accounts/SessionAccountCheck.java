package org.outreachcrm.accounts;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a page session to the account as it is now, on every request, as HTTP Basic does
 * for the API: the account is read again (one statement, which also gives the request its
 * country scope and user id, see {@link RequestUsers}). A session whose user is gone or
 * disabled, or whose password has changed since the login (an admin's reset or the user's
 * own change elsewhere), ends at once: the session is invalidated (and so deleted from
 * the session table) and the request goes on anonymous, which sends a page to the login
 * form. Changed roles replace the login's roles for the request, so a demotion holds from
 * the next click without logging the user out. See docs/architecture.md, "Rights apply at
 * once".
 */
class SessionAccountCheck extends OncePerRequestFilter {

	private final AccountUserDetailsService accounts;

	SessionAccountCheck(AccountUserDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// static assets carry no rights and are asked for many times per page
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		// only logins made through this application's accounts (a form login kept in the
		// session); sessions from before this check were ended by V105
		if (login instanceof UsernamePasswordAuthenticationToken && login.isAuthenticated()
				&& login.getPrincipal() instanceof AccountPrincipal signedIn) {
			AccountPrincipal current = current(login.getName());
			if (current == null || !current.isEnabled() || !signedIn.samePassword(current)) {
				end(request);
			}
			else if (!names(login.getAuthorities()).equals(names(current.getAuthorities()))) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(signedIn,
						login.getCredentials(), current.getAuthorities()));
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private @Nullable AccountPrincipal current(String username) {
		try {
			return this.accounts.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private static void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

}
