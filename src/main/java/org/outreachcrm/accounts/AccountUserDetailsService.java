package org.outreachcrm.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads the user to authenticate, with roles and countries, in one SQL statement and no
 * transaction of its own: HTTP Basic does this on every API request. (A JPA query would
 * be translated anew each time, as the country-scope filter is enabled on every session,
 * which disables Hibernate's plan cache.)
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		List<Row> rows = this.jdbc.sql("""
				SELECT u.id, u.username, u.password_hash, u.enabled, r.role, c.country
				FROM app_user u
				LEFT JOIN app_user_role r ON r.user_id = u.id
				LEFT JOIN app_user_country c ON c.user_id = u.id
				WHERE u.username_key = ? OR u.username = ?""")
			.param(UsernameKey.fold(username))
			.param(username)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), rs.getString("role"), rs.getString("country")))
			.list();
		if (rows.isEmpty()) {
			throw new UsernameNotFoundException("No such user");
		}
		// the name as typed wins: accounts created before names were compared folded
		// may share a fold (the migration gave the later ones a distinct key)
		String typed = username;
		List<Row> exact = rows.stream().filter((row) -> row.username().equals(typed)).toList();
		if (!exact.isEmpty()) {
			rows = exact;
		}
		Row user = rows.get(0);
		long id = user.id();
		rows = rows.stream().filter((row) -> row.id() == id).toList();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<String> countries = new TreeSet<>();
		for (Row row : rows) {
			if (row.role() != null) {
				roles.add(Role.valueOf(row.role()));
			}
			if (row.country() != null) {
				countries.add(row.country());
			}
		}
		// the rest of this request (current user, country scope) needs the same user: a
		// failed password check ends the request before anything reads it
		RequestUsers.remember(user.username(), user.id(), countries);
		return new AccountPrincipal(user.username(), user.passwordHash(), user.enabled(),
				roles.stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
	}

	private record Row(long id, String username, String passwordHash, boolean enabled, @Nullable String role,
			@Nullable String country) {
	}

}
