package org.outreachcrm.accounts;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.ApiCalls;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * Rights apply at once to signed-in page sessions too, over real HTTP with the session
 * table, form login and CSRF tokens: a demoted admin loses the admin pages at the next
 * click, a disabled user's session ends, a password reset ends every session of the user,
 * and a user's own password change keeps that session and ends the others.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionRightsTest {

	private static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDemotedAdminLosesTheAdminPagesAtTheNextRequest() {
		UserView boss = user(Role.ADMIN);
		PageSession session = PageSession.login(this.port, boss.username(), password(boss));
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
		String token = session.token("/admin/users/new");

		assertThat(api().put("/api/users/" + boss.id(), change(this.users.get(boss.id()), "STAFF", true)).statusCode())
			.isEqualTo(200);

		assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);
		String created = "n" + marker();
		HttpResponse<String> create = session.post("/admin/users", token, "username", created, "password",
				"Created-Passw0rd-" + marker(), "roles", "ADMIN");
		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(this.users.findByUsername(created)).as("no admin created by a demoted admin").isEmpty();
		assertThat(session.get("/directory").statusCode()).as("still signed in, with STAFF rights").isEqualTo(200);
	}

	@Test
	void aDisabledUsersSessionEndsAtTheNextRequest() {
		UserView staff = user(Role.STAFF);
		PageSession session = PageSession.login(this.port, staff.username(), password(staff));
		String sessionId = session.sessionId();
		String token = session.token("/organizations/new");
		assertThat(sessions(sessionId)).isOne();

		assertThat(
				api().put("/api/users/" + staff.id(), change(this.users.get(staff.id()), "STAFF", false)).statusCode())
			.isEqualTo(200);

		String name = "Disabled " + marker();
		HttpResponse<String> create = session.post("/organizations", token, "name", name, "type", "NGO", "country",
				"PL", "stage", "PROSPECT");
		assertThat(create.statusCode()).isNotEqualTo(200);
		assertThat(create.headers().firstValue("Location").orElse("")).doesNotContain("/organizations/");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM organization WHERE name = ?")
			.param(name)
			.query(Long.class)
			.single()).as("organization created by a disabled user").isZero();
		assertThat(sessions(sessionId)).as("the session is deleted from the session table").isZero();
		assertRedirectedToLogin(session.get("/directory"));
	}

	@Test
	void aPasswordResetEndsEverySessionOfTheUser() {
		UserView staff = user(Role.STAFF);
		PageSession office = PageSession.login(this.port, staff.username(), password(staff));
		PageSession home = PageSession.login(this.port, staff.username(), password(staff));
		assertThat(office.get("/directory").statusCode()).isEqualTo(200);
		String officeId = office.sessionId();
		String homeId = home.sessionId();

		assertThat(api()
			.post("/api/users/" + staff.id() + "/password",
					"{\"password\":\"Reset-Passw0rd-" + marker() + "\",\"forceChange\":true}")
			.statusCode()).isEqualTo(200);

		assertRedirectedToLogin(office.get("/directory"));
		assertRedirectedToLogin(home.get("/contacts"));
		assertThat(sessions(officeId) + sessions(homeId)).as("both sessions deleted").isZero();
	}

	@Test
	void changingTheOwnPasswordKeepsThisSessionAndEndsTheOthers() {
		UserView staff = user(Role.STAFF);
		PageSession here = PageSession.login(this.port, staff.username(), password(staff));
		PageSession elsewhere = PageSession.login(this.port, staff.username(), password(staff));
		String newPassword = "Changed-Passw0rd-" + marker();

		HttpResponse<String> change = here.submit("/account/password", "/account/password", "currentPassword",
				password(staff), "newPassword", newPassword, "confirmPassword", newPassword);
		assertThat(change.statusCode()).isEqualTo(302);
		assertThat(change.headers().firstValue("Location").orElse("")).endsWith("/account/password");

		assertThat(here.get("/directory").statusCode()).isEqualTo(200);
		assertRedirectedToLogin(elsewhere.get("/directory"));
		assertThat(PageSession.login(this.port, staff.username(), newPassword).get("/directory").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aChangedCountryScopeHoldsAtTheNextRequest() {
		String m = marker();
		UserView staff = this.users
			.create(new NewUser("c" + m, "Test-Passw0rd-" + m, null, null, Set.of(Role.STAFF), Set.of("PL")));
		PageSession session = PageSession.login(this.port, staff.username(), password(staff));
		String name = "Scoped " + marker();
		HttpResponse<String> created = api().post("/api/organizations",
				"{\"name\":\"" + name + "\",\"type\":\"NGO\",\"country\":\"PL\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		long id = this.jdbc.sql("SELECT id FROM organization WHERE name = ?").param(name).query(Long.class).single();
		assertThat(session.get("/organizations/" + id).statusCode()).isEqualTo(200);

		assertThat(api().put("/api/users/" + staff.id(), change(this.users.get(staff.id()), "STAFF", true, "RO"))
			.statusCode()).isEqualTo(200);

		assertThat(session.get("/organizations/" + id).statusCode()).isEqualTo(404);
	}

	private long sessions(String sessionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private static void assertRedirectedToLogin(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	private ApiCalls api() {
		return new ApiCalls(this.port, "admin", ADMIN_PASSWORD);
	}

	private UserView user(Role role) {
		String m = marker();
		return this.users.create(new NewUser("s" + m, "Test-Passw0rd-" + m, null, null, Set.of(role), Set.of()));
	}

	private static String password(UserView user) {
		return "Test-Passw0rd-" + user.username().substring(1);
	}

	private static String change(UserView user, String role, boolean enabled, String... countries) {
		StringBuilder list = new StringBuilder();
		for (String country : countries) {
			list.append(list.isEmpty() ? "" : ",").append('"').append(country).append('"');
		}
		return "{\"displayName\":\"" + user.displayName() + "\",\"enabled\":" + enabled + ",\"roles\":[\"" + role
				+ "\"],\"countries\":[" + list + "],\"version\":" + user.version() + "}";
	}

}
