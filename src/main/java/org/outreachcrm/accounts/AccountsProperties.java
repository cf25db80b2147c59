package org.outreachcrm.accounts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module ({@code crm.accounts.*}).
 *
 * @param initialAdmin the admin created on first start with an empty database
 * @param loginThrottle limits on failed logins
 * @param verifiedPasswordTtl how long a successful password check is remembered, so that
 * HTTP Basic API calls do not run bcrypt every time; zero turns it off
 */
@Validated
@ConfigurationProperties("crm.accounts")
record AccountsProperties(InitialAdmin initialAdmin, LoginThrottle loginThrottle,
		@DefaultValue("5m") Duration verifiedPasswordTtl) {

	/**
	 * @param freeFailures failed logins of one account from one address before each
	 * further attempt from there waits
	 * @param firstDelay the first wait; it doubles with each further failure
	 * @param maxDelay the longest wait
	 * @param maxFailuresPerAddress failed logins from one address (any accounts) after
	 * which it may no longer retry the accounts it failed on (accounts without failures
	 * from it are still checked)
	 * @param maxFailuresPerAccount failed logins of one account (any addresses) after
	 * which addresses the account has not logged in from recently wait a doubling delay
	 * @param forgetAfter failures are forgotten this long after the last one
	 * @param knownAddressFor how long an address the account logged in from is exempt
	 * from the per-account delay
	 * @param purgeEvery how often expired counts are deleted from the database (by one
	 * instance)
	 * @param maxRows the most counts kept; past it the ones soonest to expire are deleted
	 * at the next purge
	 */
	record LoginThrottle(@Positive int freeFailures, @NotNull Duration firstDelay, @NotNull Duration maxDelay,
			@Positive int maxFailuresPerAddress, @Positive int maxFailuresPerAccount, @NotNull Duration forgetAfter,
			@NotNull Duration knownAddressFor, @DefaultValue("5m") Duration purgeEvery,
			@DefaultValue("400000") @Positive int maxRows) {
	}

	/**
	 * @param username user name of the first admin
	 * @param password its password; blank means generate one and print it once to the log
	 */
	record InitialAdmin(String username, String password) {
	}

}
