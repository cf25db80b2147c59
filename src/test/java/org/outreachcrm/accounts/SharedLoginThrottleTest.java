package org.outreachcrm.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * Two instances of the application behind one load balancer share the login throttle
 * through the database: failures counted by one slow the other, a success on one clears
 * what the other counted, counting at once on both loses no failure, and the table stays
 * bounded. Two {@link LoginThrottle}s over one database stand for the two instances.
 */
@DatabaseTest
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SharedLoginThrottleTest {

	private static final Instant NOW = Instant.parse("2040-01-15T12:00:00Z");

	private static final AccountsProperties.LoginThrottle SETTINGS = new AccountsProperties.LoginThrottle(3,
			Duration.ofSeconds(2), Duration.ofMinutes(15), 20, 10, Duration.ofHours(1), Duration.ofDays(30),
			Duration.ofMinutes(5), 1000);

	@Autowired
	JdbcTemplate jdbcTemplate;

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private LoginThrottle first;

	private LoginThrottle second;

	private String user;

	@BeforeEach
	void twoInstances() {
		// this test's clock is years ahead: nothing another test counted applies
		this.jdbcTemplate.update("DELETE FROM login_throttle");
		this.first = throttle(SETTINGS);
		this.second = throttle(SETTINGS);
		this.user = "guessed-" + marker();
	}

	private LoginThrottle throttle(AccountsProperties.LoginThrottle settings) {
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return SharedLoginThrottleTest.this.now.get();
			}
		};
		return new LoginThrottle(new AccountsProperties(null, settings, Duration.ofMinutes(5)), clock,
				JdbcClient.create(this.jdbcTemplate));
	}

	@Test
	void failuresCountedOnOneInstanceSlowTheOther() {
		this.first.failed(this.user, "203.0.113.7");
		this.second.failed(this.user, "203.0.113.7");
		this.first.failed(this.user, "203.0.113.7");

		// the third failure of the pair, on either instance: 2 s on both
		assertThat(this.second.wait(this.user, "203.0.113.7")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.first.wait(this.user, "203.0.113.7")).isEqualTo(Duration.ofSeconds(2));
		// user names are counted folded
		assertThat(this.second.wait(this.user.toUpperCase(java.util.Locale.ROOT), "203.0.113.7"))
			.isEqualTo(Duration.ofSeconds(2));
		assertThat(this.second.wait(this.user, "198.51.100.1")).as("another address").isZero();

		this.now.set(NOW.plusSeconds(2));
		assertThat(this.second.wait(this.user, "203.0.113.7")).isZero();
		this.second.failed(this.user, "203.0.113.7");
		assertThat(this.first.wait(this.user, "203.0.113.7")).as("doubled").isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void aSuccessOnOneInstanceClearsThePairAndMakesTheAddressKnownToTheOther() {
		for (int i = 0; i < 3; i++) {
			this.first.failed(this.user, "203.0.113.8");
		}
		this.second.succeeded(this.user, "203.0.113.8");
		assertThat(this.first.wait(this.user, "203.0.113.8")).isZero();

		// a distributed guess: ten failures of the account from ten addresses
		for (int i = 0; i < 10; i++) {
			this.second.failed(this.user, "192.0.2." + i);
		}
		assertThat(this.first.wait(this.user, "198.51.100.99")).as("an address the account never used").isPositive();
		assertThat(this.first.wait(this.user, "203.0.113.8")).as("the address it logged in from").isZero();
		assertThat(this.first.lockedAccounts(100)).contains(UsernameKey.fold(this.user));
	}

	@Test
	void countsAreForgottenAfterTheLastFailureOnEveryInstance() {
		for (int i = 0; i < 5; i++) {
			this.first.failed(this.user, "203.0.113.9");
		}
		assertThat(this.second.wait(this.user, "203.0.113.9")).isPositive();

		this.now.set(NOW.plus(Duration.ofHours(1)));
		assertThat(this.second.wait(this.user, "203.0.113.9")).isZero();
		assertThat(this.second.lockedAccounts(100)).doesNotContain(UsernameKey.fold(this.user));
		// an expired count starts again at one
		this.second.failed(this.user, "203.0.113.9");
		assertThat(failures("ACCOUNT", UsernameKey.fold(this.user))).isEqualTo(1);
	}

	@Test
	void failuresCountedAtOnceOnBothInstancesAreAllCounted() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Void>> guesses = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				LoginThrottle instance = (i % 2 == 0) ? this.first : this.second;
				String address = "198.51.100." + (i % 4);
				guesses.add(() -> {
					instance.failed(this.user, address);
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(guesses)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(failures("ACCOUNT", UsernameKey.fold(this.user))).isEqualTo(40);
		assertThat(failures("PAIR", UsernameKey.fold(this.user) + "\n198.51.100.0")).isEqualTo(10);
	}

	@Test
	void theTableIsBoundedExpiredRowsFirstThenTheSoonestToExpire() {
		LoginThrottle small = throttle(new AccountsProperties.LoginThrottle(3, Duration.ofSeconds(2),
				Duration.ofMinutes(15), 20, 10, Duration.ofHours(1), Duration.ofDays(30), Duration.ofMinutes(5), 6));
		small.failed(null, "203.0.113.100");
		this.now.set(NOW.plus(Duration.ofHours(2)));
		// a known address (30 days), then failures from six addresses a minute apart
		small.succeeded(this.user, "203.0.113.1");
		for (int i = 1; i <= 6; i++) {
			this.now.set(NOW.plus(Duration.ofHours(2)).plusSeconds(60L * i));
			small.failed(null, "203.0.113." + (100 + i));
		}
		assertThat(rows()).isEqualTo(8);

		assertThat(small.purge()).as("one expired, one over the bound").isEqualTo(2);

		assertThat(rows()).isEqualTo(6);
		assertThat(subjects("ADDRESS")).containsExactlyInAnyOrder("203.0.113.102", "203.0.113.103", "203.0.113.104",
				"203.0.113.105", "203.0.113.106");
		assertThat(subjects("KNOWN")).containsExactly(UsernameKey.fold(this.user) + "\n203.0.113.1");
		assertThat(small.purge()).isZero();
	}

	@Test
	void aGuessedUserNameOfAnyLengthIsCountedUnderAKeyOfFixedSize() {
		String longName = "x".repeat(5000) + marker();
		for (int i = 0; i < 3; i++) {
			this.first.failed(longName, "203.0.113.50");
		}
		assertThat(this.second.wait(longName, "203.0.113.50")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.second.wait("x".repeat(5000), "203.0.113.50")).isZero();
	}

	private int failures(String kind, String subject) {
		return this.jdbcTemplate.queryForObject("SELECT failures FROM login_throttle WHERE kind = ? AND subject = ?",
				Integer.class, kind, subject);
	}

	private int rows() {
		return this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class);
	}

	private List<String> subjects(String kind) {
		return this.jdbcTemplate.queryForList("SELECT subject FROM login_throttle WHERE kind = ?", String.class, kind);
	}

}
