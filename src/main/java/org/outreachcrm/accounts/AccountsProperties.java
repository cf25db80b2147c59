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
	 * @param maxFailuresPerAccount failed logins for one user name before it is locked
	 * @param maxFailuresPerAddress failed logins from one client address before it is
	 * locked (any user names)
	 * @param lockout how long a lock lasts after the last failure
	 */
	record LoginThrottle(@Positive int maxFailuresPerAccount, @Positive int maxFailuresPerAddress,
			@NotNull Duration lockout) {
	}

	/**
	 * @param username user name of the first admin
	 * @param password its password; blank means generate one and print it once to the log
	 */
	record InitialAdmin(String username, String password) {
	}

}
