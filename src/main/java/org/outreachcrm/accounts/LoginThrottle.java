package org.outreachcrm.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock a user out from the user's own
 * address. Failed logins are counted in the database (table {@code login_throttle}), so
 * that all instances of a cluster share the counts:
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
 * guessing elsewhere. A count is one row, raised by one {@code UPDATE}, so instances
 * counting at once lose no failure. The table is bounded: expired rows are deleted every
 * {@code purge-every}, and past {@code max-rows} the rows soonest to expire go first.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** What a row counts. */
	enum Kind {

		/** failures of an account from an address */
		PAIR,
		/** failures from an address, any accounts */
		ADDRESS,
		/** failures of an account, any addresses */
		ACCOUNT,
		/** an address the account logged in from */
		KNOWN

	}

	private static final int SUBJECT_LENGTH = 190;

	private final AccountsProperties.LoginThrottle settings;

	private final Clock clock;

	private final JdbcClient jdbc;

	LoginThrottle(AccountsProperties properties, Clock clock, JdbcClient jdbc) {
		this.settings = properties.loginThrottle();
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * How long a login for this account (may be null) from this address must still wait;
	 * zero when it may be tried now. One read of at most four rows by primary key.
	 */
	Duration wait(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		Instant now = this.clock.instant();
		Map<Kind, Failures> rows = read(now, keys(account, address));
		Duration wait = Duration.ZERO;
		Failures pair = rows.get(Kind.PAIR);
		if (pair != null) {
			wait = longer(wait, pair.waitAfter(this.settings.freeFailures(), now, this.settings));
		}
		Failures fromAddress = rows.get(Kind.ADDRESS);
		boolean failedHere = pair != null || account == null;
		if (fromAddress != null && failedHere && fromAddress.count() >= this.settings.maxFailuresPerAddress()) {
			wait = longer(wait, Duration.between(now, fromAddress.last().plus(this.settings.forgetAfter())));
		}
		Failures ofAccount = rows.get(Kind.ACCOUNT);
		if (ofAccount != null && !rows.containsKey(Kind.KNOWN)) {
			wait = longer(wait, ofAccount.waitAfter(this.settings.maxFailuresPerAccount(), now, this.settings));
		}
		return wait;
	}

	/**
	 * The accounts (folded user names) whose logins are being slowed down now by failed
	 * attempts, at most {@code limit}: what an admin may want to look into.
	 */
	List<String> lockedAccounts(int limit) {
		return this.jdbc.sql("""
				SELECT subject FROM login_throttle
				WHERE kind = 'ACCOUNT' AND failures > ? AND expires_at > ? ORDER BY subject LIMIT ?""")
			.params(this.settings.freeFailures(), utc(this.clock.instant()), limit)
			.query(String.class)
			.list();
	}

	void failed(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		Instant now = this.clock.instant();
		Instant forgotten = now.plus(this.settings.forgetAfter());
		for (Key key : keys(account, address)) {
			if (key.kind() != Kind.KNOWN) {
				count(key, now, forgotten);
			}
		}
	}

	void succeeded(@Nullable String username, @Nullable String address) {
		String account = UsernameKey.fold(username);
		if (account == null || address == null) {
			return;
		}
		Instant now = this.clock.instant();
		Key pair = new Key(Kind.PAIR, pair(account, address));
		Key known = new Key(Kind.KNOWN, pair(account, address));
		// read first: an API client logs in with every request, and most successes
		// change nothing
		Map<String, Instant> rows = new HashMap<>();
		this.jdbc.sql("SELECT key_hash, expires_at FROM login_throttle WHERE key_hash IN (?, ?) AND expires_at > ?")
			.params(pair.hash(), known.hash(), utc(now))
			.query((rs, n) -> rows.put(rs.getString(1), instant(rs.getObject(2, LocalDateTime.class))))
			.list();
		if (rows.containsKey(pair.hash())) {
			this.jdbc.sql("DELETE FROM login_throttle WHERE key_hash = ?").param(pair.hash()).update();
		}
		Instant knownUntil = now.plus(this.settings.knownAddressFor());
		Instant storedUntil = rows.get(known.hash());
		// written again at most once a day per account and address
		if (storedUntil == null || storedUntil.isBefore(knownUntil.minus(Duration.ofDays(1)))) {
			remember(known, now, knownUntil);
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

	@Scheduled(fixedDelayString = "${crm.accounts.login-throttle.purge-every}",
			initialDelayString = "${crm.accounts.login-throttle.purge-every}")
	@SchedulerLock(name = "login-throttle-purge", lockAtMostFor = "PT10M")
	void scheduledPurge() {
		int removed = purge();
		if (removed > 0) {
			log.debug("Removed {} login throttle rows", removed);
		}
	}

	/**
	 * Deletes the expired rows and, past {@code max-rows}, the rows soonest to expire (a
	 * flood of failures goes before the addresses people logged in from, which are kept
	 * longest); the number of rows deleted.
	 */
	int purge() {
		int removed = this.jdbc.sql("DELETE FROM login_throttle WHERE expires_at <= ?")
			.param(utc(this.clock.instant()))
			.update();
		List<LocalDateTime> cutoff = this.jdbc
			.sql("SELECT expires_at FROM login_throttle ORDER BY expires_at DESC LIMIT 1 OFFSET ?")
			.param(this.settings.maxRows())
			.query(LocalDateTime.class)
			.list();
		if (!cutoff.isEmpty()) {
			removed += this.jdbc.sql("DELETE FROM login_throttle WHERE expires_at <= ?").param(cutoff.get(0)).update();
		}
		return removed;
	}

	private Map<Kind, Failures> read(Instant now, List<Key> keys) {
		Map<Kind, Failures> rows = new HashMap<>();
		if (keys.isEmpty()) {
			return rows;
		}
		Map<String, Kind> kinds = new HashMap<>();
		keys.forEach((key) -> kinds.put(key.hash(), key.kind()));
		List<Object> params = new ArrayList<>(kinds.keySet());
		params.add(utc(now));
		this.jdbc
			.sql("SELECT key_hash, failures, last_at FROM login_throttle WHERE key_hash IN ("
					+ String.join(", ", java.util.Collections.nCopies(kinds.size(), "?")) + ") AND expires_at > ?")
			.params(params)
			.query((rs, n) -> rows.put(kinds.get(rs.getString(1)),
					new Failures(rs.getInt(2), instant(rs.getObject(3, LocalDateTime.class)))))
			.list();
		return rows;
	}

	/** One more failure: a count that expired starts again at one. */
	private void count(Key key, Instant now, Instant forgotten) {
		// failures is set first: MySQL reads the columns set before it as already set
		String raise = """
				UPDATE login_throttle SET failures = CASE WHEN expires_at > ? THEN failures + 1 ELSE 1 END,
				last_at = ?, expires_at = ? WHERE key_hash = ?""";
		if (this.jdbc.sql(raise).params(utc(now), utc(now), utc(forgotten), key.hash()).update() > 0) {
			return;
		}
		try {
			insert(key, 1, now, forgotten);
		}
		catch (DuplicateKeyException ex) {
			// another instance counted the first failure at the same moment
			this.jdbc.sql(raise).params(utc(now), utc(now), utc(forgotten), key.hash()).update();
		}
	}

	private void remember(Key key, Instant now, Instant until) {
		String refresh = "UPDATE login_throttle SET last_at = ?, expires_at = ? WHERE key_hash = ?";
		if (this.jdbc.sql(refresh).params(utc(now), utc(until), key.hash()).update() > 0) {
			return;
		}
		try {
			insert(key, 0, now, until);
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.sql(refresh).params(utc(now), utc(until), key.hash()).update();
		}
	}

	private void insert(Key key, int failures, Instant now, Instant until) {
		this.jdbc.sql("""
				INSERT INTO login_throttle (key_hash, kind, subject, failures, last_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(key.hash(), key.kind().name(), key.shownSubject(), failures, utc(now), utc(until))
			.update();
	}

	private static List<Key> keys(@Nullable String account, @Nullable String address) {
		List<Key> keys = new ArrayList<>(4);
		if (account != null && address != null) {
			keys.add(new Key(Kind.PAIR, pair(account, address)));
			keys.add(new Key(Kind.KNOWN, pair(account, address)));
		}
		if (address != null) {
			keys.add(new Key(Kind.ADDRESS, address));
		}
		if (account != null) {
			keys.add(new Key(Kind.ACCOUNT, account));
		}
		return keys;
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

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime utc) {
		return utc.toInstant(ZoneOffset.UTC);
	}

	/** A counted key: its kind and subject, stored under a hash of both. */
	record Key(Kind kind, String subject) {

		String hash() {
			try {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				sha.update(this.kind.name().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				return HexFormat.of().formatHex(sha.digest(this.subject.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String shownSubject() {
			return (this.subject.length() <= SUBJECT_LENGTH) ? this.subject : this.subject.substring(0, SUBJECT_LENGTH);
		}

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
