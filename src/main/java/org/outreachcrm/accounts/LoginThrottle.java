package org.outreachcrm.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address, in two bounded in-memory
 * caches; an account or address with too many failures is locked for the configured time
 * after its last failure, even with the right password. A successful login clears the
 * account's count (not the address's: one right password must not unlock guessing at
 * other accounts). Counts live in memory: a restart forgets them, and each instance of a
 * cluster counts on its own.
 */
@Component
class LoginThrottle {

	private final AccountsProperties.LoginThrottle settings;

	private final Cache<String, AtomicInteger> byAccount;

	private final Cache<String, AtomicInteger> byAddress;

	LoginThrottle(AccountsProperties properties, Clock clock) {
		this.settings = properties.loginThrottle();
		// the application clock drives expiry, so tests can move time
		this.byAccount = cache(this.settings.lockout(), clock);
		this.byAddress = cache(this.settings.lockout(), clock);
	}

	private static Cache<String, AtomicInteger> cache(Duration lockout, Clock clock) {
		return Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(lockout)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/**
	 * Whether a login for this account (may be null) from this address is refused now.
	 */
	boolean locked(@Nullable String username, @Nullable String address) {
		return reached(this.byAccount, key(username), this.settings.maxFailuresPerAccount())
				|| reached(this.byAddress, address, this.settings.maxFailuresPerAddress());
	}

	/** The accounts (lower-cased user names) locked now, at most {@code limit}. */
	java.util.List<String> lockedAccounts(int limit) {
		int max = this.settings.maxFailuresPerAccount();
		return this.byAccount.asMap()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().get() >= max)
			.map(java.util.Map.Entry::getKey)
			.sorted()
			.limit(limit)
			.toList();
	}

	/** How long a lock lasts after the last failure. */
	Duration lockout() {
		return this.settings.lockout();
	}

	void failed(@Nullable String username, @Nullable String address) {
		increment(this.byAccount, key(username));
		increment(this.byAddress, address);
	}

	void succeeded(@Nullable String username) {
		String key = key(username);
		if (key != null) {
			this.byAccount.invalidate(key);
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		failed(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName());
	}

	private static @Nullable String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	private static @Nullable String key(@Nullable String username) {
		return username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean reached(Cache<String, AtomicInteger> cache, @Nullable String key, int max) {
		if (key == null) {
			return false;
		}
		AtomicInteger failures = cache.getIfPresent(key);
		return failures != null && failures.get() >= max;
	}

	private static void increment(Cache<String, AtomicInteger> cache, @Nullable String key) {
		if (key == null) {
			return;
		}
		// asMap().compute rewrites the entry, so the lock runs from the last failure
		cache.asMap().compute(key, (k, failures) -> {
			AtomicInteger next = failures == null ? new AtomicInteger() : failures;
			next.incrementAndGet();
			return next;
		});
	}

}
