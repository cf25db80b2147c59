package org.outreachcrm.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The logged-in user's countries as the current scope: a user with no countries sees all
 * of them (the coordination center). An explicit scope set by {@link #runAs} wins over
 * the login.
 */
@Component
class UserCountryScope implements CurrentScope {

	private static final ThreadLocal<@Nullable CountryScope> explicit = new ThreadLocal<>();

	private static final String REQUEST_CACHE = UserCountryScope.class.getName();

	private final UserAccounts users;

	UserCountryScope(UserAccounts users) {
		this.users = users;
	}

	@Override
	public CountryScope get() {
		CountryScope scope = explicit.get();
		if (scope != null) {
			return scope;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return CountryScope.everything();
		}
		String username = authentication.getName();
		// read once per request: the scope is consulted by every query of the request
		// (the Hibernate filter binds it each time), while an admin's change must hold
		// from the next request on
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST) instanceof ResolvedScope cached
				&& cached.username().equals(username)) {
			return cached.scope();
		}
		CountryScope resolved = this.users.findByUsername(username)
			.map(UserView::countries)
			.map(UserCountryScope::scopeOf)
			.orElseGet(() -> CountryScope.of(Set.of()));
		if (request != null) {
			request.setAttribute(REQUEST_CACHE, new ResolvedScope(username, resolved), RequestAttributes.SCOPE_REQUEST);
		}
		return resolved;
	}

	@Override
	public void runAs(CountryScope scope, Runnable task) {
		CountryScope previous = explicit.get();
		explicit.set(scope);
		try {
			task.run();
		}
		finally {
			if (previous == null) {
				explicit.remove();
			}
			else {
				explicit.set(previous);
			}
		}
	}

	private record ResolvedScope(String username, CountryScope scope) {
	}

	static CountryScope scopeOf(Set<String> countries) {
		return countries.isEmpty() ? CountryScope.everything() : CountryScope.of(countries);
	}

}
