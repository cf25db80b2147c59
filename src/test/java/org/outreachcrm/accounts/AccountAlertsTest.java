package org.outreachcrm.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * The administrators' "disabled recently" list reads the disabled accounts themselves, in
 * the admin's scope, however many other accounts changed after them.
 */
@FlowTest
class AccountAlertsTest {

	// far after every other test's accounts, so that only this test's ones are recent
	static final Instant NOW = Instant.parse("2099-06-01T12:00:00Z");

	@Autowired
	AccountAlerts alerts;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String m;

	UserView disabledInPoland;

	UserView disabledInGermany;

	UserView disabledLongAgo;

	@BeforeEach
	void accounts() {
		this.clock.set(NOW);
		this.m = marker();
		this.disabledInPoland = create("pl", Set.of("PL"));
		this.disabledInGermany = create("de", Set.of("DE"));
		this.disabledLongAgo = create("old", Set.of("PL"));
		disable(this.disabledInPoland, NOW.minus(Duration.ofDays(10)));
		disable(this.disabledInGermany, NOW.minus(Duration.ofDays(11)));
		disable(this.disabledLongAgo, NOW.minus(Duration.ofDays(40)));
		// 600 accounts changed after them, as a bulk change or a busy day would
		List<Object[]> rows = new ArrayList<>();
		Timestamp recently = Timestamp
			.valueOf(LocalDateTime.ofInstant(NOW.minus(Duration.ofMinutes(5)), ZoneOffset.UTC));
		for (int i = 0; i < 600; i++) {
			String name = "busy" + i + this.m;
			rows.add(new Object[] { name, name, "{noop}x", name, recently, recently });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO app_user (username, username_key, password_hash, display_name, enabled,
				                      password_change_required, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, TRUE, FALSE, ?, ?, 0)""", rows);
	}

	@AfterEach
	void reset() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void showsAccountsDisabledWithinTheDaysHoweverManyChangedSince() {
		Staff.actAs(Staff.create(this.users, Role.ADMIN));

		assertThat(this.alerts.recentlyDisabled(Duration.ofDays(30))).extracting(UserView::username)
			.containsExactly(this.disabledInPoland.username(), this.disabledInGermany.username());
	}

	@Test
	void aScopedAdminSeesOnlyTheAccountsWithinTheirCountries() {
		Staff.actAs(create("admin", Set.of("PL", "RO"), Role.ADMIN));

		assertThat(this.alerts.recentlyDisabled(Duration.ofDays(30))).extracting(UserView::username)
			.containsExactly(this.disabledInPoland.username());
	}

	private UserView create(String name, Set<String> countries) {
		return create(name, countries, Role.STAFF);
	}

	private UserView create(String name, Set<String> countries, Role role) {
		Staff.logOut();
		return this.users.create(new NewUser(name + this.m, "Test-Passw0rd-" + this.m, "User " + name + this.m, null,
				Set.of(role), countries));
	}

	private void disable(UserView user, Instant at) {
		this.jdbc.update("UPDATE app_user SET enabled = FALSE, updated_at = ? WHERE id = ?",
				Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)), user.id());
	}

}
