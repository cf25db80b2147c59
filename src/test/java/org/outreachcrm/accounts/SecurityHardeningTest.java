package org.outreachcrm.accounts;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Login throttling, session fixation, cookie flags, CSRF, security headers and the forced
 * password change, through the real filter chains.
 */
@FlowTest
class SecurityHardeningTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@Autowired
	Environment environment;

	String m;

	@BeforeEach
	void setUp() {
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
		this.m = marker();
	}

	UserView account(Role role) {
		return this.users.create(new NewUser("u" + this.m, password(), "User " + this.m, null, Set.of(role), Set.of()));
	}

	String password() {
		return "Right-Passw0rd-" + this.m;
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	MvcTestResult formLogin(String username, String password, String address) {
		return this.mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))
			.exchange();
	}

	@Test
	void locksAnAccountAfterFiveFailedLoginsEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin(user.username(), "wrong-" + i, "10.0.1." + i).getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		MvcTestResult locked = formLogin(user.username(), password(), "10.0.1.99");
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?throttled=15");

		for (String language : new String[] { "en", "pl", "ro" }) {
			MvcTestResult page = this.mvc.get()
				.uri("/login?throttled=15")
				.header("Accept-Language", language)
				.exchange();
			assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
				.contains("id=\"login-throttled\"")
				.containsAnyOf("Too many failed logins. Wait 15 minutes", "Zbyt wiele nieudanych logowań",
						"Prea multe autentificări eșuate");
		}

		this.clock.set(MutableClockConfiguration.DEFAULT_NOW.plus(Duration.ofMinutes(16)));
		assertThat(formLogin(user.username(), password(), "10.0.1.99").getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void locksAClientAddressAfterTwentyFailuresWhateverTheUserNames() {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 20; i++) {
			formLogin("nobody" + i + this.m, "wrong", "10.0.2.1");
		}
		assertThat(formLogin(user.username(), password(), "10.0.2.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?throttled=15");
		// the same account from elsewhere is not affected
		assertThat(formLogin(user.username(), password(), "10.0.2.2").getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void apiAnswers429WithAProblemDetailWhenThrottled() throws Exception {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.get()
				.uri("/api/organizations")
				.with(httpBasic(user.username(), "wrong"))
				.with(from("10.0.3.1"))
				.exchange()).hasStatus(401);
		}
		MvcTestResult throttled = this.mvc.get()
			.uri("/api/organizations")
			.with(httpBasic(user.username(), password()))
			.with(from("10.0.3.1"))
			.exchange();
		assertThat(throttled).hasStatus(429);
		assertThat(throttled.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(throttled.getResponse().getHeader("Retry-After")).isEqualTo("900");
		assertThat(throttled.getResponse().getContentAsString()).contains("\"status\":429", "login.throttled");
	}

	@Test
	void sessionCookieIsHttpOnlySameSiteLaxAndSecureIsConfigurable() {
		assertThat(this.environment.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
		assertThat(this.environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
		assertThat(this.environment.getProperty("server.servlet.session.cookie.secure")).isNotNull();
	}

	@Test
	void uploadsHaveSizeLimits() {
		assertThat(this.environment.getProperty("spring.servlet.multipart.max-file-size")).isEqualTo("100MB");
		assertThat(this.environment.getProperty("spring.servlet.multipart.max-request-size")).isEqualTo("101MB");
	}

	@Test
	void refusesAFormPostWithoutCsrfTokenAndRendersTheTokenInForms() throws Exception {
		assertThat(this.mvc.post()
			.uri("/organizations")
			.with(user("s" + this.m).roles("STAFF"))
			.param("name", "No token " + this.m)
			.param("type", "NGO")
			.exchange()).hasStatus(403);
		assertThat(this.mvc.post().uri("/login").param("username", "x").param("password", "y").exchange())
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/login").exchange().getResponse().getContentAsString())
			.contains("name=\"_csrf\"");
		assertThat(this.mvc.get()
			.uri("/organizations/new")
			.with(user("s" + this.m).roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString()).contains("name=\"_csrf\"");
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		for (String path : new String[] { "/login", "/directory" }) {
			MvcTestResult page = this.mvc.get().uri(path).with(user("s" + this.m).roles("STAFF")).exchange();
			String csp = page.getResponse().getHeader("Content-Security-Policy");
			assertThat(csp).as(path)
				.contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
			assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		}
		MvcTestResult api = this.mvc.get().uri("/api/organizations").with(user("s" + this.m).roles("STAFF")).exchange();
		assertThat(api.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void adminForcesAPasswordResetAndTheUserMustChangeItAtNextLogin() throws Exception {
		UserView user = account(Role.STAFF);
		MvcTestResult form = this.mvc.get()
			.uri("/admin/users/" + user.id() + "/password")
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(form.getResponse().getContentAsString()).contains("name=\"forceChange\"");
		MvcTestResult reset = this.mvc.post()
			.uri("/admin/users/" + user.id() + "/password")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("newPassword", "Temporary-Passw0rd-" + this.m)
			.param("confirmPassword", "Temporary-Passw0rd-" + this.m)
			.param("forceChange", "true")
			.exchange();
		assertThat(reset.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.users.get(user.id()).passwordChangeRequired()).isTrue();

		MvcTestResult page = this.mvc.get().uri("/directory").with(user(user.username()).roles("STAFF")).exchange();
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
	}

}
