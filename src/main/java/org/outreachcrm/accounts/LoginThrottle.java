package org.outreachcrm.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * Slows password guessing without letting anyone lock a user out from the user's own
 * address. Failed logins are counted in bounded in-memory caches:
 * <ul>
 * <li>per <b>account and address</b>: after {@code free-failures}, each further attempt
 * of that account from that address waits a delay that doubles with every failure
 * ({@code first-delay}, at most {@code max-delay});</li>
 * <li>per <b>address</b> (any accounts): past {@code max-failures-per-address}, the
 * address may no longer retry accounts it has failed on, but an account with no failure
 * from that address is checked as usual, so a colleague behind the same address still
 * logs in;</li>
 * <li>per <b>account</b> (any addresses, a distributed guess): past
 * {@code max-failures-per-account}, addresses the account has not logged in from recently
 * wait a doubling delay; addresses it logged in from successfully within
 * {@code known-address-for} are not slowed.</li>
 * </ul>
 * Counts are forgotten {@code forget-after} the last failure. A success clears the
 * account+address count and remembers the address as known for the account; it does not
 * clear the account's or the address's count, so one right password does not reset
 * guessing elsewhere. Each instance of a cluster counts on its own, and a restart
 * forgets.
 */
@Component
class LoginThrottle {

	private static final int MAX_ENTRIES = 100_000;

	private final AccountsProperties.LoginThrottle settings;

	private final Clock clock;

	private final Cache<String, Failures> byPair;

	private final Cache<String, Failures> byAddress;

	private final Cache<String, Failures> byAccount;

	private final Cache<String, Boolean> knownAddresses;

	LoginThrottle(AccountsProperties properties, Clock clock) {
		this.settings = properties.loginThrottle();
		this.clock = clock;
		this.byPair = cache(this.settings.forgetAfter());
		this.byAddress = cache(this.settings.forgetAfter());
		this.byAccount = cache(this.settings.forgetAfter());
		this.knownAddresses = cache(this.settings.knownAddressFor());
	}

	private <V> Cache<String, V> cache(Duration expiry) {
		// the application clock drives expiry, so tests can move time
		return Caffeine.newBuilder()
			.maximumSize(MAX_ENTRIES)
			.expireAfterWrite(expiry)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis()))
			.build();
	}

	/**
	 * How long a login for this account (may be null) from this address must still wait;
	 * zero when it may be tried now.
	 */
	Duration wait(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		Instant now = this.clock.instant();
		Duration wait = Duration.ZERO;
		Failures pair = (account != null && address != null) ? this.byPair.getIfPresent(pair(account, address)) : null;
		if (pair != null) {
			wait = longer(wait, pair.waitAfter(this.settings.freeFailures(), now, this.settings));
		}
		Failures fromAddress = (address != null) ? this.byAddress.getIfPresent(address) : null;
		boolean failedHere = pair != null || account == null;
		if (fromAddress != null && failedHere && fromAddress.count() >= this.settings.maxFailuresPerAddress()) {
			wait = longer(wait, Duration.between(now, fromAddress.last().plus(this.settings.forgetAfter())));
		}
		Failures ofAccount = (account != null) ? this.byAccount.getIfPresent(account) : null;
		if (ofAccount != null && !known(account, address)) {
			wait = longer(wait, ofAccount.waitAfter(this.settings.maxFailuresPerAccount(), now, this.settings));
		}
		return wait;
	}

	/**
	 * The accounts (folded user names) whose logins are being slowed down now by failed
	 * attempts, at most {@code limit}: what an admin may want to look into.
	 */
	List<String> lockedAccounts(int limit) {
		int free = this.settings.freeFailures();
		return this.byAccount.asMap()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().count() > free)
			.map(Map.Entry::getKey)
			.sorted()
			.limit(limit)
			.toList();
	}

	void failed(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		Instant now = this.clock.instant();
		if (account != null && address != null) {
			increment(this.byPair, pair(account, address), now);
		}
		if (address != null) {
			increment(this.byAddress, address, now);
		}
		if (account != null) {
			increment(this.byAccount, account, now);
		}
	}

	void succeeded(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		if (account != null && address != null) {
			this.byPair.invalidate(pair(account, address));
			this.knownAddresses.put(pair(account, address), Boolean.TRUE);
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		failed(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private boolean known(String account, @Nullable String address) {
		return address != null && this.knownAddresses.getIfPresent(pair(account, address)) != null;
	}

	private static String pair(String account, String address) {
		return account + '\n' + address;
	}

	private static Duration longer(Duration a, Duration b) {
		return (b.compareTo(a) > 0) ? b : a;
	}

	private static @Nullable String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	private static void increment(Cache<String, Failures> cache, String key, Instant now) {
		// asMap().compute rewrites the entry, so it is forgotten counting from the last
		// failure
		cache.asMap().compute(key, (k, failures) -> new Failures(failures == null ? 1 : failures.count() + 1, now));
	}

	/** How many failures, and when the last one was. */
	record Failures(int count, Instant last) {

		/**
		 * After {@code free} failures, the next attempt waits {@code first-delay},
		 * doubled for each failure beyond, at most {@code max-delay}, counted from the
		 * last failure.
		 */
		Duration waitAfter(int free, Instant now, AccountsProperties.LoginThrottle settings) {
			if (this.count < free) {
				return Duration.ZERO;
			}
			int doublings = Math.min(30, this.count - free);
			Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
			if (delay.compareTo(settings.maxDelay()) > 0) {
				delay = settings.maxDelay();
			}
			Duration left = Duration.between(now, this.last.plus(delay));
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

}
