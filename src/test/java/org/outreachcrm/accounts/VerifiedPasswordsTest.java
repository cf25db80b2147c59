package org.outreachcrm.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.MutableClock;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

	static final String PASSWORD = "Correct-horse-battery-9";

	final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	final VerifiedPasswords passwords = new VerifiedPasswords(this.bcrypt, Duration.ofMinutes(5), this.clock);

	@Test
	void aSecondCheckOfTheSameCredentialsSkipsBcrypt() {
		String hash = this.passwords.encode(PASSWORD);

		assertThat(this.passwords.matches(PASSWORD, hash)).isTrue();
		assertThat(this.passwords.matches(PASSWORD, hash)).isTrue();
		assertThat(this.passwords.matches(PASSWORD, hash)).isTrue();

		assertThat(this.bcrypt.checks.get()).isEqualTo(1);
	}

	@Test
	void wrongPasswordsAreNeverRememberedSoEveryGuessPaysBcrypt() {
		String hash = this.passwords.encode(PASSWORD);

		assertThat(this.passwords.matches("wrong-guess-12345", hash)).isFalse();
		assertThat(this.passwords.matches("wrong-guess-12345", hash)).isFalse();

		assertThat(this.bcrypt.checks.get()).isEqualTo(2);
		assertThat(this.passwords.size()).isZero();
	}

	@Test
	void aNewHashForTheSameUserIsCheckedAgainSoAChangedPasswordStopsAtOnce() {
		String oldHash = this.passwords.encode(PASSWORD);
		String newHash = this.passwords.encode("Another-good-passphrase-7");
		assertThat(this.passwords.matches(PASSWORD, oldHash)).isTrue();

		assertThat(this.passwords.matches(PASSWORD, newHash)).isFalse();
		assertThat(this.passwords.matches("Another-good-passphrase-7", oldHash)).isFalse();
	}

	@Test
	void aRememberedCheckExpiresAfterItsTimeToLive() {
		String hash = this.passwords.encode(PASSWORD);
		this.passwords.matches(PASSWORD, hash);

		this.clock.advance(Duration.ofMinutes(4));
		this.passwords.matches(PASSWORD, hash);
		assertThat(this.bcrypt.checks.get()).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(2));
		this.passwords.matches(PASSWORD, hash);
		assertThat(this.bcrypt.checks.get()).isEqualTo(2);
	}

	@Test
	void zeroTimeToLiveTurnsTheMemoryOff() {
		VerifiedPasswords off = new VerifiedPasswords(this.bcrypt, Duration.ZERO, this.clock);
		String hash = off.encode(PASSWORD);
		off.matches(PASSWORD, hash);
		off.matches(PASSWORD, hash);
		assertThat(this.bcrypt.checks.get()).isEqualTo(2);
	}

	@Test
	void keepsNoPasswordInMemory() {
		String hash = this.passwords.encode(PASSWORD);
		this.passwords.matches(PASSWORD, hash);
		assertThat(this.passwords.toString()).doesNotContain(PASSWORD);
		assertThat(this.passwords.size()).isEqualTo(1);
	}

	/** A real bcrypt encoder that counts how often it had to verify. */
	static final class CountingEncoder implements PasswordEncoder {

		final PasswordEncoder delegate;

		final AtomicInteger checks = new AtomicInteger();

		CountingEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			this.checks.incrementAndGet();
			return this.delegate.matches(rawPassword, encodedPassword);
		}

	}

}
