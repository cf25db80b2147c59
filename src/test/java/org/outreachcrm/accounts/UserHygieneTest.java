package org.outreachcrm.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Guessable passwords, look-alike user names and unknown country codes are refused
 * everywhere a user is created or changed, with messages in the page's language.
 */
@FlowTest
class UserHygieneTest {

	static final String PASSWORD = "Hygiene-Passw0rd-4711";

	@Autowired
	UserAccounts users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	String code(Runnable action) {
		BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class, action::run);
		return (refused != null) ? refused.messageKey() : "accepted";
	}

	NewUser newUser(String username, String password, Set<String> countries) {
		return new NewUser(username, password, null, null, Set.of(Role.STAFF), countries);
	}

	@Test
	void refusesTheReportedPasswordsOnCreateResetAndOwnChange() {
		String m = marker();
		UserView user = this.users.create(newUser("pw" + m, PASSWORD, Set.of()));
		for (String weak : new String[] { "password1234", "123456789012", "qwertyuiopas" }) {
			assertThat(code(() -> this.users.create(newUser("pw2" + m, weak, Set.of())))).as(weak)
				.startsWith("password.");
			assertThat(code(() -> this.users.resetPassword(user.id(), weak, false))).as(weak).startsWith("password.");
			assertThat(code(() -> this.users.changeOwnPassword(user.username(), PASSWORD, weak))).as(weak)
				.startsWith("password.");
		}
	}

	@Test
	void theApiNamesTheRefusedPasswordInTheRequestedLanguage() throws Exception {
		Map<String, String> expected = Map.of("en", "among the most common", "pl", "należy do najpopularniejszych",
				"ro", "printre cele mai folosite");
		for (Map.Entry<String, String> language : expected.entrySet()) {
			MvcTestResult result = this.mvc.post()
				.uri("/api/users")
				.with(user("admin").roles("ADMIN"))
				.header("Accept-Language", language.getKey())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(
						Map.of("username", "api" + marker(), "password", "password1234", "roles", Set.of("STAFF"))))
				.exchange();
			assertThat(result).hasStatus(422);
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("password.common",
					language.getValue());
		}
	}

	@Test
	void theUserFormAndThePasswordPagesShowTheReasonInThePagesLanguage() throws Exception {
		MvcTestResult form = this.mvc.post()
			.uri("/admin/users?lang=ro")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("username", "page" + marker())
			.param("password", "qwertyuiopas")
			.param("roles", "STAFF")
			.exchange();
		assertThat(form).hasStatusOk();
		assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Parola nu poate conține un șir de 5 litere");

		UserView user = this.users.create(newUser("own" + marker(), PASSWORD, Set.of()));
		MvcTestResult own = this.mvc.post()
			.uri("/account/password?lang=pl")
			.with(user(user.username()).roles("STAFF"))
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "password1234")
			.param("confirmPassword", "password1234")
			.exchange();
		assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("To hasło należy do najpopularniejszych");

		MvcTestResult reset = this.mvc.post()
			.uri("/admin/users/" + user.id() + "/password?lang=en")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("newPassword", "123456789012")
			.param("confirmPassword", "123456789012")
			.exchange();
		assertThat(reset.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("must not contain a run of 5 letters, digits or neighbouring keys");
	}

	@Test
	void userNamesAreComparedFoldedAndLookAlikesOfAnExistingNameAreRefused() {
		String m = marker();
		UserView lena = this.users.create(newUser("lena" + m, PASSWORD, Set.of()));
		assertThat(code(() -> this.users.create(newUser("LENA" + m, PASSWORD, Set.of()))))
			.isEqualTo("user.username.taken");
		// full-width letters fold (NFKC) to the same name
		assertThat(code(() -> this.users.create(newUser("ｌｅｎａ" + m, PASSWORD, Set.of()))))
			.isEqualTo("user.username.taken");
		// Cyrillic е (U+0435) in place of the Latin e
		assertThat(code(() -> this.users.create(newUser("l\u0435na" + m, PASSWORD, Set.of()))))
			.isEqualTo("user.username.confusable");
		assertThat(code(() -> this.users.create(newUser("\u0430dmin", PASSWORD, Set.of()))))
			.isEqualTo("user.username.confusable");
		assertThat(code(() -> this.users.create(newUser("ADMIN", PASSWORD, Set.of()))))
			.isEqualTo("user.username.taken");
		assertThat(code(() -> this.users.create(newUser("lina" + m, PASSWORD, Set.of())))).isEqualTo("accepted");

		// logging in with another case finds the one account, under its own name
		MvcTestResult api = this.mvc.get().uri("/api/organizations").with(httpBasic("LENA" + m, PASSWORD)).exchange();
		assertThat(api).hasStatusOk();
		assertThat(this.users.findByUsername(lena.username())).isPresent();
	}

	@Test
	void countriesMustBeIsoCodesThatExist() throws Exception {
		String m = marker();
		assertThat(code(() -> this.users.create(newUser("c" + m, PASSWORD, Set.of("PL", "XX")))))
			.isEqualTo("user.countries.unknown");
		UserView user = this.users.create(newUser("c" + m, PASSWORD, Set.of("PL", "RO")));
		assertThat(user.countries()).containsExactlyInAnyOrder("PL", "RO");
		assertThat(code(() -> this.users.update(user.id(),
				new UserChange(user.displayName(), null, true, Set.of(Role.STAFF), Set.of("QQ"), user.version()),
				"admin")))
			.isEqualTo("user.countries.unknown");

		MvcTestResult form = this.mvc.post()
			.uri("/admin/users/" + user.id() + "?lang=pl")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("displayName", "Country test")
			.param("enabled", "true")
			.param("roles", "STAFF")
			.param("countries", "ZZ")
			.param("version", Long.toString(user.version()))
			.exchange();
		assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Nie ma kraju o kodzie ZZ");
	}

}
