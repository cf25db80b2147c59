package org.outreachcrm.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator should look at about accounts: the ones locked out by failed
 * logins now, and the ones disabled recently.
 */
@Service
@Transactional(readOnly = true)
public class AccountAlerts {

	private static final int LIMIT = 20;

	private final LoginThrottle throttle;

	private final UserAccountRepository users;

	private final UserScopes scopes;

	private final Clock clock;

	AccountAlerts(LoginThrottle throttle, UserAccountRepository users, UserScopes scopes, Clock clock) {
		this.throttle = throttle;
		this.users = users;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * Users the caller manages whose logins are slowed down now by failed attempts (on
	 * any instance), by user name.
	 */
	public List<String> lockedOut() {
		return this.throttle.lockedAccounts(LIMIT)
			.stream()
			.flatMap((key) -> this.users.findByUsernameKey(key).stream())
			.filter(this.scopes::manages)
			.map(UserAccount::username)
			.toList();
	}

	/**
	 * Disabled accounts the caller manages, changed within {@code within}, most recent
	 * first.
	 */
	public List<UserView> recentlyDisabled(Duration within) {
		return this.scopes.disabledSince(this.clock.instant().minus(within), LIMIT)
			.stream()
			.map(UserAccount::toView)
			.toList();
	}

}
