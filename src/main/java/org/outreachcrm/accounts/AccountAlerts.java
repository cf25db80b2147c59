package org.outreachcrm.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

	private final Clock clock;

	AccountAlerts(LoginThrottle throttle, UserAccountRepository users, Clock clock) {
		this.throttle = throttle;
		this.users = users;
		this.clock = clock;
	}

	/** User names locked out now by too many failed logins (on this instance). */
	public List<String> lockedOut() {
		return this.throttle.lockedAccounts(LIMIT);
	}

	/** Disabled accounts changed within {@code within}, most recent first. */
	public List<UserView> recentlyDisabled(Duration within) {
		Instant since = this.clock.instant().minus(within);
		return this.users.findAll(PageRequest.of(0, 500, Sort.by(Sort.Direction.DESC, "updatedAt")))
			.stream()
			.map(UserAccount::toView)
			.filter((u) -> !u.enabled() && !u.updatedAt().isBefore(since))
			.limit(LIMIT)
			.toList();
	}

}
