package org.outreachcrm.accounts;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.DatabaseTest;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class UserAccountsTest {

	static final String PASSWORD = "Correct-horse-battery-9";

	@Autowired
	UserAccounts users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@PersistenceContext
	EntityManager entityManager;

	@Test
	void adminCreatesUserThroughTheApiWithRolesAndCountries() throws Exception {
		String username = "u" + marker();
		var result = this.mvc.post()
			.uri("/api/users")
			.with(httpBasic("admin", "Admin-Passw0rd-for-tests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD, "displayName",
					"Zofia Łęcka", "roles", Set.of("MANAGER"), "countries", Set.of("PL", "RO"))))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		var created = this.json.readTree(result.getResponse().getContentAsString());
		assertThat(created.has("password")).isFalse();
		assertThat(created.has("passwordHash")).isFalse();
		assertThat(created.get("countries").valueStream().map((n) -> n.asString())).containsExactlyInAnyOrder("PL",
				"RO");
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/users/" + created.get("id").asLong());
		committed();
		assertThat(organizationsAs(username, PASSWORD)).hasStatusOk();
	}

	@Test
	void storesOnlyABcryptHash() {
		UserView user = this.users.create(newUser("h" + marker(), Role.STAFF));
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class,
				user.id());
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	@Test
	void refusesTakenUsernameAndWeakPasswords() {
		String username = "t" + marker();
		this.users.create(newUser(username, Role.STAFF));
		assertThatThrownBy(() -> this.users.create(newUser(username, Role.STAFF)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("already taken");
		assertThatThrownBy(
				() -> this.users.create(new NewUser("w" + marker(), "short", null, null, Set.of(Role.STAFF), Set.of())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("at least 12");
		assertThatThrownBy(() -> this.users
			.create(new NewUser("w" + marker(), "aaaaaaaaaaaaaaaa", null, null, Set.of(Role.STAFF), Set.of())))
			.hasMessageContaining("too simple");
	}

	@Test
	void disabledUserCannotLogIn() {
		String username = "d" + marker();
		UserView user = committedStaff(username);
		disable(user);
		committed();
		assertThat(organizationsAs(username, PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void resetPasswordReplacesTheOldOne() {
		String username = "r" + marker();
		UserView user = committedStaff(username);
		this.users.resetPassword(user.id(), "Another-good-passphrase-7", true);
		committed();

		assertThat(this.users.get(user.id()).passwordChangeRequired()).isTrue();
		assertThat(organizationsAs(username, PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(organizationsAs(username, "Another-good-passphrase-7")).hasStatusOk();
	}

	@Test
	void aPasswordRememberedAfterALoginStopsWorkingAtOnceWhenReset() {
		String username = "m" + marker();
		UserView user = committedStaff(username);
		assertThat(organizationsAs(username, PASSWORD)).hasStatusOk();

		this.users.resetPassword(user.id(), "Another-good-passphrase-7", false);
		committed();

		assertThat(organizationsAs(username, PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPasswordRememberedAfterALoginStopsWorkingAtOnceWhenChangedByItsUser() {
		String username = "o" + marker();
		committedStaff(username);
		assertThat(organizationsAs(username, PASSWORD)).hasStatusOk();

		this.users.changeOwnPassword(username, PASSWORD, "Another-good-passphrase-7");
		committed();

		assertThat(organizationsAs(username, PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(organizationsAs(username, "Another-good-passphrase-7")).hasStatusOk();
	}

	@Test
	void aUserDisabledAfterALoginIsRefusedAtOnce() {
		String username = "x" + marker();
		UserView user = committedStaff(username);
		assertThat(organizationsAs(username, PASSWORD)).hasStatusOk();

		disable(user);
		committed();

		assertThat(organizationsAs(username, PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void rolesChangeWhatAUserMayDo() {
		String username = "c" + marker();
		UserView user = committedStaff(username);
		assertThat(this.mvc.get().uri("/api/users").with(httpBasic(username, PASSWORD)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		this.users.update(user.id(),
				new UserChange("Now admin", null, true, Set.of(Role.ADMIN), Set.of(), user.version()), "admin");
		committed();

		assertThat(this.mvc.get().uri("/api/users").with(httpBasic(username, PASSWORD)).exchange()).hasStatusOk();
	}

	@Test
	void anAdminCannotLockThemselvesOut() {
		String username = "a" + marker();
		UserView admin = this.users.create(newUser(username, Role.ADMIN));
		assertThatThrownBy(() -> this.users.update(admin.id(),
				new UserChange("Me", null, false, Set.of(Role.ADMIN), Set.of(), admin.version()), username))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void wrongPasswordIs401WithProblemDetail() {
		var result = this.mvc.get().uri("/api/organizations").with(httpBasic("admin", "wrong")).exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
	}

	/** Lists organizations through the API, logged in with HTTP Basic. */
	private MvcTestResult organizationsAs(String username, String password) {
		return this.mvc.get().uri("/api/organizations").with(httpBasic(username, password)).exchange();
	}

	/** A new staff account with {@link #PASSWORD}, committed so that it can log in. */
	private UserView committedStaff(String username) {
		UserView user = this.users.create(newUser(username, Role.STAFF));
		committed();
		return user;
	}

	/** An admin disables the account; the caller commits it. */
	private void disable(UserView user) {
		this.users.update(user.id(), new UserChange("Gone", null, false, Set.of(Role.STAFF), Set.of(), user.version()),
				"admin");
	}

	/**
	 * The test's transaction spans the requests; a real change is committed before the
	 * next request, whose login reads the user with SQL: flush as a commit would.
	 */
	private void committed() {
		this.entityManager.flush();
	}

	private static NewUser newUser(String username, Role role) {
		return new NewUser(username, PASSWORD, null, null, Set.of(role), Set.of());
	}

}
