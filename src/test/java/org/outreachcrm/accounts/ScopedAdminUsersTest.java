package org.outreachcrm.accounts;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.ApiCalls;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/**
 * An admin limited to Poland manages only users within Poland, through the API and the
 * pages alike: they cannot widen their own scope, give anyone a wider one, see or touch
 * an account with all countries (such as the first admin, whose password they could
 * otherwise reset) or a Romanian user.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScopedAdminUsersTest {

	private static final String ADMIN_PASSWORD = "Admin-Passw0rd-for-tests";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	UserView polishAdmin;

	UserView polishStaff;

	UserView romanianStaff;

	UserView centralAdmin;

	@BeforeEach
	void users() {
		this.polishAdmin = user(Role.ADMIN, "PL");
		this.polishStaff = user(Role.STAFF, "PL");
		this.romanianStaff = user(Role.STAFF, "RO");
		this.centralAdmin = user(Role.ADMIN);
	}

	@Test
	void cannotWidenTheirOwnScope() {
		HttpResponse<String> api = polishApi().put("/api/users/" + this.polishAdmin.id(),
				change(this.polishAdmin, "ADMIN"));
		assertThat(api.statusCode()).isEqualTo(422);
		assertThat(api.body()).contains("user.countries.beyondScope");
		assertThat(polishApi().put("/api/users/" + this.polishAdmin.id(), change(this.polishAdmin, "ADMIN", "PL", "RO"))
			.statusCode()).isEqualTo(422);

		PageSession page = polishPages();
		HttpResponse<String> form = page.submit("/admin/users/" + this.polishAdmin.id() + "/edit",
				"/admin/users/" + this.polishAdmin.id(), "displayName", "Widened", "enabled", "true", "roles", "ADMIN",
				"version", String.valueOf(this.polishAdmin.version()));
		assertThat(form.statusCode()).as("the form again, with the refusal").isEqualTo(200);
		assertThat(form.body()).contains("only countries within your own scope (PL)");

		assertThat(this.users.get(this.polishAdmin.id()).countries()).containsExactly("PL");
		assertThat(this.users.get(this.polishAdmin.id()).displayName()).isNotEqualTo("Widened");
	}

	@Test
	void cannotSeeOrTouchAnAccountWithAllCountries() {
		String taken = "Taken-Over-Passw0rd-" + marker();
		assertThat(polishApi()
			.post("/api/users/" + this.centralAdmin.id() + "/password",
					"{\"password\":\"" + taken + "\",\"forceChange\":false}")
			.statusCode()).isEqualTo(404);
		long firstAdmin = this.users.findByUsername("admin").orElseThrow().id();
		assertThat(polishApi()
			.post("/api/users/" + firstAdmin + "/password", "{\"password\":\"" + taken + "\",\"forceChange\":false}")
			.statusCode()).isEqualTo(404);
		assertThat(polishApi().get("/api/users/" + firstAdmin).statusCode()).isEqualTo(404);
		assertThat(polishApi().put("/api/users/" + this.centralAdmin.id(), change(this.centralAdmin, "STAFF", "PL"))
			.statusCode()).isEqualTo(404);

		PageSession page = polishPages();
		assertThat(page.get("/admin/users/" + this.centralAdmin.id() + "/edit").statusCode()).isEqualTo(404);
		assertThat(page.get("/admin/users/" + firstAdmin + "/password").statusCode()).isEqualTo(404);
		HttpResponse<String> reset = page.submit("/admin/users", "/admin/users/" + firstAdmin + "/password",
				"newPassword", taken, "confirmPassword", taken);
		assertThat(reset.statusCode()).isEqualTo(404);

		assertThat(new ApiCalls(this.port, "admin", taken).get("/api/users").statusCode())
			.as("the first admin's password is unchanged")
			.isEqualTo(401);
		assertThat(new ApiCalls(this.port, "admin", ADMIN_PASSWORD).get("/api/users").statusCode()).isEqualTo(200);
	}

	@Test
	void listsOnlyUsersWithinTheirScope() {
		String api = polishApi().get("/api/users?size=200").body();
		assertThat(api).contains(this.polishStaff.username(), this.polishAdmin.username())
			.doesNotContain(this.romanianStaff.username(), this.centralAdmin.username(), "\"admin\"");
		String page = polishPages().get("/admin/users").body();
		assertThat(page).contains(this.polishStaff.username())
			.doesNotContain(this.romanianStaff.username(), this.centralAdmin.username());

		assertThat(new ApiCalls(this.port, "admin", ADMIN_PASSWORD).get("/api/users?size=2000").body())
			.as("an admin with all countries lists everyone")
			.contains(this.polishStaff.username(), this.romanianStaff.username(), this.centralAdmin.username());
	}

	@Test
	void managesUsersOfTheirScopeButNotOthers() {
		assertThat(polishApi().put("/api/users/" + this.romanianStaff.id(), change(this.romanianStaff, "STAFF", "RO"))
			.statusCode()).isEqualTo(404);
		assertThat(polishApi().get("/api/users/" + this.romanianStaff.id()).statusCode()).isEqualTo(404);
		assertThat(polishPages().get("/admin/users/" + this.romanianStaff.id() + "/edit").statusCode()).isEqualTo(404);

		assertThat(polishApi().put("/api/users/" + this.polishStaff.id(), change(this.polishStaff, "MANAGER", "PL"))
			.statusCode()).isEqualTo(200);
		assertThat(this.users.get(this.polishStaff.id()).roles()).containsExactly(Role.MANAGER);
	}

	@Test
	void createsUsersOnlyWithinTheirScope() {
		String unscoped = "n" + marker();
		assertThat(polishApi().post("/api/users", newUser(unscoped)).statusCode()).isEqualTo(422);
		String romanian = "n" + marker();
		assertThat(polishApi().post("/api/users", newUser(romanian, "RO")).statusCode()).isEqualTo(422);
		String polish = "n" + marker();
		assertThat(polishApi().post("/api/users", newUser(polish, "PL")).statusCode()).isEqualTo(201);

		String viaPage = "n" + marker();
		HttpResponse<String> form = polishPages().submit("/admin/users/new", "/admin/users", "username", viaPage,
				"password", "Created-Passw0rd-" + marker(), "roles", "ADMIN", "enabled", "true");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("only countries within your own scope (PL)");

		assertThat(this.users.findByUsername(unscoped)).isEmpty();
		assertThat(this.users.findByUsername(romanian)).isEmpty();
		assertThat(this.users.findByUsername(viaPage)).isEmpty();
		assertThat(this.users.findByUsername(polish))
			.hasValueSatisfying((u) -> assertThat(u.countries()).containsExactly("PL"));
	}

	@Test
	void theUserFormOffersOnlyTheirOwnCountries() {
		String form = polishPages().get("/admin/users/new").body();
		assertThat(form).contains("<option value=\"PL\"")
			.doesNotContain("<option value=\"RO\"")
			.contains("only countries within your own scope")
			.doesNotContain("choose none for all countries");
		PageSession central = PageSession.login(this.port, this.centralAdmin.username(), password(this.centralAdmin));
		assertThat(central.get("/admin/users/new").body()).contains("<option value=\"RO\"")
			.contains("<option value=\"PL\"")
			.contains("choose none for all countries");
	}

	@Test
	void aLoginWithoutAnAccountManagesNoOne() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ghost" + marker(), null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			assertThat(this.users.listManaged(PageRequest.of(0, 50))).as("sees no country, so no user").isEmpty();
			assertThatThrownBy(() -> user(Role.STAFF, "PL")).isInstanceOf(BusinessRuleException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private ApiCalls polishApi() {
		return new ApiCalls(this.port, this.polishAdmin.username(), password(this.polishAdmin));
	}

	private PageSession polishPages() {
		return PageSession.login(this.port, this.polishAdmin.username(), password(this.polishAdmin));
	}

	private UserView user(Role role, String... countries) {
		String m = marker();
		return this.users
			.create(new NewUser("s" + m, "Test-Passw0rd-" + m, null, null, Set.of(role), Set.of(countries)));
	}

	private static String password(UserView user) {
		return "Test-Passw0rd-" + user.username().substring(1);
	}

	private static String newUser(String username, String... countries) {
		return "{\"username\":\"" + username + "\",\"password\":\"Created-Passw0rd-" + marker()
				+ "\",\"roles\":[\"ADMIN\"],\"countries\":" + list(countries) + "}";
	}

	private static String change(UserView user, String role, String... countries) {
		return "{\"displayName\":\"" + user.displayName() + "\",\"enabled\":true,\"roles\":[\"" + role
				+ "\"],\"countries\":" + list(countries) + ",\"version\":" + user.version() + "}";
	}

	private static String list(String... values) {
		StringBuilder list = new StringBuilder("[");
		for (String value : values) {
			list.append(list.length() > 1 ? "," : "").append('"').append(value).append('"');
		}
		return list.append(']').toString();
	}

}
