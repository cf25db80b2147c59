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

	void later(Duration by) {
		this.clock.set(this.clock.instant().plus(by));
	}

	@Test
	void slowsGuessingAtAnAccountFromOneAddressWithDelaysThatGrow() throws Exception {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 3; i++) {
			assertThat(formLogin(user.username(), "wrong-" + i, "10.0.1.1").getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		// the fourth try waits 2 s, even with the right password, which is not checked
		assertThat(formLogin(user.username(), password(), "10.0.1.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?throttled=1");
		later(Duration.ofSeconds(2));
		assertThat(formLogin(user.username(), "wrong-3", "10.0.1.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		// the next one waits 4 s
		later(Duration.ofSeconds(3));
		assertThat(formLogin(user.username(), password(), "10.0.1.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?throttled=1");
		later(Duration.ofSeconds(1));
		assertThat(formLogin(user.username(), password(), "10.0.1.1").getResponse().getRedirectedUrl()).isEqualTo("/");

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
		// the minutes are counted in each language's plural forms
		assertThat(loginPage("throttled=1", "en")).contains("Wait 1 minute before");
		assertThat(loginPage("throttled=22", "pl")).contains("Odczekaj 22 minuty przed");
		assertThat(loginPage("throttled=25", "pl")).contains("Odczekaj 25 minut przed");
		assertThat(loginPage("throttled=20", "ro")).contains("Așteptați 20 de minute înainte");
		assertThat(loginPage("throttled=2", "ro")).contains("Așteptați 2 minute înainte");
		// whatever else the address says is not repeated to the reader
		assertThat(loginPage("throttled=%3Cb%3Ex", "en")).contains("Wait a few minutes before")
			.doesNotContain("&lt;b&gt;");
		assertThat(loginPage("throttled=99999999", "en")).contains("Wait a few minutes before");
	}

	private String loginPage(String query, String language) throws Exception {
		return this.mvc.get()
			.uri("/login?" + query + "&lang=" + language)
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void anAttackerCannotLockAUserOutFromTheUsersOwnAddress() {
		UserView user = account(Role.ADMIN);
		assertThat(formLogin(user.username(), password(), "10.0.4.1").getResponse().getRedirectedUrl()).isEqualTo("/");
		// the reported case: five wrong tries from elsewhere locked the account for
		// everyone
		for (int i = 0; i < 5; i++) {
			formLogin(user.username(), "wrong-" + i, "10.0.4.66");
		}
		assertThat(formLogin(user.username(), password(), "10.0.4.2").getResponse().getRedirectedUrl())
			.as("a first login from another address of the user's")
			.isEqualTo("/");
		// a guess spread over many addresses slows addresses the account never logged in
		// from, not the user's own
		for (int address = 100; address < 110; address++) {
			for (int i = 0; i < 3; i++) {
				formLogin(user.username(), "wrong-" + i, "10.0.4." + address);
			}
		}
		assertThat(formLogin(user.username(), password(), "10.0.4.1").getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(formLogin(user.username(), password(), "10.0.4.200").getResponse().getRedirectedUrl())
			.isEqualTo("/login?throttled=1");
	}

	@Test
	void anAddressPastItsLimitStillLetsInAnAccountThatHadNoFailuresFromIt() {
		UserView user = account(Role.ADMIN);
		for (int i = 0; i < 20; i++) {
			assertThat(formLogin("nobody" + i + this.m, "wrong", "10.0.2.1").getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		assertThat(formLogin(user.username(), password(), "10.0.2.1").getResponse().getRedirectedUrl()).isEqualTo("/");
		// the address may not go back to the accounts it failed on
		later(Duration.ofMinutes(5));
		assertThat(formLogin("nobody0" + this.m, "wrong", "10.0.2.1").getResponse().getRedirectedUrl())
			.startsWith("/login?throttled=");
		// nor to this account once it failed here
		assertThat(formLogin(user.username(), "wrong", "10.0.2.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		assertThat(formLogin(user.username(), password(), "10.0.2.1").getResponse().getRedirectedUrl())
			.startsWith("/login?throttled=");
		// and it is all forgotten an hour after the last failure
		later(Duration.ofMinutes(61));
		assertThat(formLogin(user.username(), password(), "10.0.2.1").getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void foldedUserNamesShareOneCount() {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 3; i++) {
			formLogin(user.username().toUpperCase(java.util.Locale.ROOT), "wrong-" + i, "10.0.5.1");
		}
		assertThat(formLogin(user.username(), password(), "10.0.5.1").getResponse().getRedirectedUrl())
			.isEqualTo("/login?throttled=1");
	}

	@Test
	void apiAnswers429WithAProblemDetailWhenThrottled() throws Exception {
		UserView user = account(Role.STAFF);
		for (int i = 0; i < 3; i++) {
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
		assertThat(throttled.getResponse().getHeader("Retry-After")).isEqualTo("2");
		assertThat(throttled.getResponse().getContentAsString()).contains("\"status\":429", "login.throttled");
		// the same account from the user's own address is not affected
		assertThat(this.mvc.get()
			.uri("/api/organizations")
			.with(httpBasic(user.username(), password()))
			.with(from("10.0.3.2"))
			.exchange()).hasStatusOk();
	}

	@Test
	void sessionCookieIsHttpOnlySameSiteLaxAndSecureIsConfigurable() {
		assertThat(this.environment.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
		assertThat(this.environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
		assertThat(this.environment.getProperty("server.servlet.session.cookie.secure")).isNotNull();
	}

	@Test
	void vendoredScriptsAndMapDataArePublicSoThatALoginNeverLandsOnThem() {
		// a map fetch that arrives after a sign-out was saved as the page to return to,
		// and the next login opened the world atlas's JSON instead of the home page
		assertThat(this.mvc.get().uri("/vendor/world-atlas-2.0.2/countries-110m.json").exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/vendor/topojson-client-3.1.0/topojson-client.min.js").exchange()).hasStatusOk();
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
