package org.outreachcrm.testsupport;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Real user accounts for tests that need user ids, and acting as one of them. */
public final class Staff {

	private Staff() {
	}

	public static UserView create(UserAccounts users, Role role) {
		String m = DirectoryData.marker();
		return asSystem(() -> users
			.create(new NewUser("u" + m, "Test-Passw0rd-" + m, "User " + m, null, Set.of(role), Set.of())));
	}

	/**
	 * Gives a mock login (such as {@code @WithMockUser}) a real account with all
	 * countries: a login without an account sees no country at all.
	 */
	public static void ensureAccount(UserAccounts users, String username, Role role) {
		if (users.findByUsername(username).isEmpty()) {
			asSystem(() -> users.create(new NewUser(username, "Test-Passw0rd-" + DirectoryData.marker(), username, null,
					Set.of(role), Set.of())));
		}
	}

	/**
	 * Runs fixture set-up as the system does (no login, so all countries): the test's own
	 * login may have no account yet, and a login without an account grants no country.
	 */
	private static <T> T asSystem(Supplier<T> task) {
		SecurityContext login = SecurityContextHolder.getContext();
		SecurityContextHolder.clearContext();
		try {
			return task.get();
		}
		finally {
			SecurityContextHolder.setContext(login);
		}
	}

	/** Logs the user in on this thread, with the authority of each of its roles. */
	public static void actAs(UserView user) {
		List<SimpleGrantedAuthority> authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
	}

	public static void logOut() {
		SecurityContextHolder.clearContext();
	}

}
