package org.outreachcrm.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module ({@code crm.accounts.*}).
 *
 * @param initialAdmin the admin created on first start with an empty database
 * @param verifiedPasswordTtl how long a successful password check is remembered, so that
 * HTTP Basic API calls do not run bcrypt every time; zero turns it off
 */
@Validated
@ConfigurationProperties("crm.accounts")
record AccountsProperties(InitialAdmin initialAdmin, @DefaultValue("5m") Duration verifiedPasswordTtl) {

	/**
	 * @param username user name of the first admin
	 * @param password its password; blank means generate one and print it once to the log
	 */
	record InitialAdmin(String username, String password) {
	}

}
