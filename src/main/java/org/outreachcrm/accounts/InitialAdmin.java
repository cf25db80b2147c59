package org.outreachcrm.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no users, creates the first admin so that somebody can log in.
 * Never uses a fixed default password: without {@code CRM_ADMIN_PASSWORD} a strong one is
 * generated and printed once.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final UserAccounts accounts;

	private final AccountsProperties properties;

	InitialAdmin(UserAccounts accounts, AccountsProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(@Nullable ApplicationArguments args) {
		if (this.accounts.count() > 0) {
			return;
		}
		String username = this.properties.initialAdmin().username();
		String configured = this.properties.initialAdmin().password();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? PasswordPolicy.generate() : configured;
		this.accounts.create(new NewUser(username, password, "Administrator", null, Set.of(Role.ADMIN), Set.of()));
		if (generated) {
			log.warn("""

					=====================================================================
					 First start: created the admin user '{}' with the password
					     {}
					 It is shown only this once. Log in and change it, or set
					 CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD before the first start.
					=====================================================================""", username, password);
		}
		else {
			log.info("First start: created the admin user '{}' from CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD", username);
		}
	}

}
