package org.outreachcrm.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module ({@code crm.accounts.*}).
 *
 * @param initialAdmin the admin created on first start with an empty database
 */
@Validated
@ConfigurationProperties("crm.accounts")
record AccountsProperties(InitialAdmin initialAdmin) {

	/**
	 * @param username user name of the first admin
	 * @param password its password; blank means generate one and print it once to the log
	 */
	record InitialAdmin(String username, String password) {
	}

}
