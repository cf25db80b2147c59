package org.outreachcrm.accounts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start on an empty database without CRM_ADMIN_PASSWORD: a strong password is
 * generated, printed once, and works. Runs on its own in-memory database so that it can
 * empty it.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:first-start;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
		"crm.accounts.initial-admin.username=chief", "crm.accounts.initial-admin.password=" })
class InitialAdminTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	InitialAdmin initialAdmin;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(InitialAdmin.class)).addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		((Logger) LoggerFactory.getLogger(InitialAdmin.class)).detachAppender(this.log);
	}

	@Test
	void generatesAStrongPasswordThatWorksAndPrintsItOnce() {
		this.jdbc.update("DELETE FROM app_user");

		this.initialAdmin.run(null);

		assertThat(this.log.list).hasSize(1);
		String password = (String) this.log.list.get(0).getArgumentArray()[1];
		assertThat(this.log.list.get(0).getFormattedMessage()).contains("chief").contains(password);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(password.chars().distinct().count()).isGreaterThan(10);
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'chief'",
				String.class);
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThat(this.jdbc.queryForList("SELECT role FROM app_user_role", String.class)).containsExactly("ADMIN");
	}

	@Test
	void createsNothingAndPrintsNothingWhenUsersExist() {
		this.jdbc.update("DELETE FROM app_user");
		this.initialAdmin.run(null);
		this.log.list.clear();

		this.initialAdmin.run(null);

		assertThat(this.log.list).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(1);
	}

}
