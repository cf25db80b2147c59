package org.outreachcrm.accounts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time zone each user reads times in: a setting of the account, taken from the
 * browser's zone the first time the user opens a page and changed on "My account". Kept
 * beside the account rather than in it, so that setting it never makes an administrator's
 * edit of the account stale.
 */
@Service
@Transactional
public class UserZones {

	private final JdbcTemplate jdbc;

	UserZones(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's zone; empty when not set yet (or no such user). */
	@Transactional(readOnly = true)
	public Optional<ZoneId> of(String username) {
		List<String> zones = this.jdbc.queryForList("SELECT time_zone FROM app_user WHERE username = ?", String.class,
				username);
		if (zones.isEmpty() || zones.get(0) == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(zones.get(0)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** Sets the user's zone. */
	public void use(String username, ZoneId zone) {
		this.jdbc.update("UPDATE app_user SET time_zone = ? WHERE username = ?", zone.getId(), username);
	}

}
