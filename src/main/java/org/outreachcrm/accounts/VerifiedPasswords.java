package org.outreachcrm.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a short time, which (password, stored hash)
 * pairs it has already verified, so that a script calling the API with HTTP Basic pays
 * bcrypt's deliberate cost (tens of milliseconds of CPU) once per few minutes instead of
 * on every request.
 *
 * <p>
 * The key of a remembered check is an HMAC-SHA-256, under a random key that lives only in
 * this process, of the stored hash and the presented password: no password is kept, and a
 * memory dump does not allow offline guessing without also taking the key. The stored
 * hash is part of the key, so a changed or reset password stops the old one at once (the
 * user is read from the database on every request, so a disabled user or changed roles
 * also apply at once). Failed checks are never remembered: guessing still costs a full
 * bcrypt per attempt.
 */
final class VerifiedPasswords implements PasswordEncoder {

	/** Upper bound of remembered checks; beyond it, expired ones are dropped first. */
	static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;

	private final Duration ttl;

	private final Clock clock;

	private final SecretKeySpec key;

	// one keyed MAC per request thread: looking up the provider and initializing the key
	// on every API request cost more than the MAC itself
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	VerifiedPasswords(PasswordEncoder delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || this.ttl.isZero() || this.ttl.isNegative()) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String check = fingerprint(rawPassword, encodedPassword);
		Instant now = this.clock.instant();
		Instant until = this.verified.get(check);
		if (until != null && now.isBefore(until)) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.values().removeIf((expiry) -> !now.isBefore(expiry));
				if (this.verified.size() >= MAX_ENTRIES) {
					this.verified.clear();
				}
			}
			this.verified.put(check, now.plus(this.ttl));
		}
		else {
			this.verified.remove(check);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/** Forgets every remembered check (tests, or an operator after a breach). */
	void forgetAll() {
		this.verified.clear();
	}

	int size() {
		return this.verified.size();
	}

	private String fingerprint(CharSequence rawPassword, String encodedPassword) {
		// doFinal resets the MAC for the next use, key included
		Mac mac = this.macs.get();
		mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac.doFinal());
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
