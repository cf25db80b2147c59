package org.outreachcrm.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The logged-in user's countries as the current scope: a user with no countries sees all
 * of them (the coordination center). An explicit scope set by {@link #runAs} wins over
 * the login.
 */
@Component
class UserCountryScope implements CurrentScope {

	private static final ThreadLocal<@Nullable CountryScope> explicit = new ThreadLocal<>();

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
		// read once per request (by HTTP Basic's authentication, or here for a session's
		// login): the scope is consulted by every query of the request (the Hibernate
		// filter binds it each time), while an admin's change must hold from the next
		// request on
		RequestUsers.Resolved current = RequestUsers.find(username);
		if (current != null) {
			return current.scope();
		}
		return this.users.findByUsername(username)
			.map((user) -> RequestUsers.remember(username, user.id(), user.countries()).scope())
			.orElseGet(() -> CountryScope.of(Set.of()));
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

	static CountryScope scopeOf(Set<String> countries) {
		return countries.isEmpty() ? CountryScope.everything() : CountryScope.of(countries);
	}

}
