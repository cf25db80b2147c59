package org.outreachcrm.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The user a request runs as (id and country scope), remembered in the request's
 * attributes. HTTP Basic reads the user with roles and countries once to authenticate
 * every API request; the current user's id and the country scope, which the same request
 * needs again (default staff member, every scoped query), come from that read instead of
 * two more. Nothing outlives the request, so an administrator's change of a user's
 * countries, or of the user, applies from the next request on.
 */
final class RequestUsers {

	private static final String ATTRIBUTE = RequestUsers.class.getName();

	private RequestUsers() {
	}

	/** A user as resolved for the current request. */
	record Resolved(String username, long id, CountryScope scope) {
	}

	/** Remembers the user for the rest of the current request (none outside requests). */
	static Resolved remember(String username, long id, Set<String> countries) {
		Resolved resolved = new Resolved(username, id, UserCountryScope.scopeOf(countries));
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, resolved, RequestAttributes.SCOPE_REQUEST);
		}
		return resolved;
	}

	/** The user remembered for the current request, if it is {@code username}. */
	static @Nullable Resolved find(String username) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Resolved r
				&& r.username().equals(username)) {
			return r;
		}
		return null;
	}

}
