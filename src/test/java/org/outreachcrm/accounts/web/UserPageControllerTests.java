package org.outreachcrm.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest({ UserPageController.class, AccountPageController.class, LoginController.class })
@Import({ WebSecurityForTests.class, ViewFormats.class, UserPageControllerTests.AllCountries.class })
class UserPageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	UserZones zones;

	@MockitoBean
	UserAccounts users;

	@Test
	void keepsStaffOutOfUserAdmin() {
		assertThat(this.mvc.get().uri("/admin/users").with(user("anna").roles("STAFF")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void listsUsersForAdmins() {
		given(this.users.listManaged(any()))
			.willReturn(new PageImpl<>(
					List.of(new UserView(1, "maria", "Maria Nowak", "maria@example.org", true, true,
							Set.of(Role.MANAGER), Set.of("PL"), Instant.EPOCH, Instant.EPOCH, 0)),
					PageRequest.of(0, 50), 1));

		MvcTestResult result = this.mvc.get().uri("/admin/users?lang=pl").with(user("boss").roles("ADMIN")).exchange();

		assertThat(result).hasStatusOk();
		// countries by name in the page's language, not as codes
		assertThat(result).bodyText()
			.contains("Maria Nowak", "Kierownik", "musi zmienić hasło", "Użytkownicy", ">Polska</span>");
	}

	@Test
	void showsPasswordPolicyAtThePasswordFieldWithoutEchoingIt() {
		given(this.users.create(any(NewUser.class)))
			.willThrow(new BusinessRuleException("password.tooSimple", "too simple"));

		MvcTestResult result = this.mvc.post()
			.uri("/admin/users")
			.param("username", "piotr")
			.param("password", "aaaaaaaaaaaaaa")
			.param("roles", "STAFF")
			.with(user("boss").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText()
			.contains("id=\"password-error\"", "The password is too simple")
			.doesNotContain("aaaaaaaaaaaaaa");
	}

	@Test
	void refusesAUserWithoutRoles() {
		MvcTestResult result = this.mvc.post()
			.uri("/admin/users")
			.param("username", "piotr")
			.param("password", "long-enough-password")
			// what a browser sends when no role box is ticked: only the checkbox marker
			.param("_roles", "on")
			.with(user("boss").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText().contains("id=\"roles-error\"");
		verify(this.users, never()).create(any());
	}

	@Test
	void asksForTheNewPasswordTwice() {
		MvcTestResult result = this.mvc.post()
			.uri("/account/password")
			.param("currentPassword", "old-password-123")
			.param("newPassword", "new-password-456")
			.param("confirmPassword", "new-password-457")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText().contains("id=\"confirmPassword-error\"", "the two passwords are not the same");
		verify(this.users, never()).changeOwnPassword(anyString(), anyString(), anyString());
	}

	@Test
	void resetsAPasswordWithMustChangeFlag() {
		given(this.users.resetPassword(anyLong(), anyString(), anyBoolean())).willReturn(null);

		assertThat(this.mvc.post()
			.uri("/admin/users/3/password")
			.param("newPassword", "new-password-456")
			.param("confirmPassword", "new-password-456")
			.param("forceChange", "true")
			.with(user("boss").roles("ADMIN"))
			.with(csrf())).hasRedirectedUrl("/admin/users");
		verify(this.users).resetPassword(3L, "new-password-456", true);
	}

	@Test
	void sendsUsersWhoseAdminSetTheirPasswordToChangeItFirst() {
		given(this.users.findByUsername("anna")).willReturn(Optional.of(new UserView(2, "anna", "Anna", null, true,
				true, Set.of(Role.STAFF), Set.of(), Instant.EPOCH, Instant.EPOCH, 0)));

		assertThat(this.mvc.get().uri("/admin/users").with(user("anna").roles("ADMIN")))
			.hasRedirectedUrl("/account/password");
		assertThat(this.mvc.get().uri("/account/password").with(user("anna").roles("STAFF"))).hasStatusOk()
			.bodyText()
			.contains("choose a new one before you continue");
	}

	@Test
	void showsTheLoginPageInPolishWithItsMessages() {
		MvcTestResult failed = this.mvc.get().uri("/login?error&lang=pl").exchange();
		MvcTestResult loggedOut = this.mvc.get().uri("/login?logout").exchange();

		assertThat(failed).bodyText()
			.contains("Błędna nazwa użytkownika lub hasło", "aria-describedby=\"login-error\"")
			.doesNotContain("id=\"main-nav\"><ul");
		assertThat(loggedOut).bodyText().contains("You have been logged out.");
	}

	/** An admin with all countries: the user form offers every country. */
	static class AllCountries {

		@Bean
		CurrentScope currentScope() {
			return new CurrentScope() {

				@Override
				public CountryScope get() {
					return CountryScope.everything();
				}

				@Override
				public void runAs(CountryScope scope, Runnable task) {
					task.run();
				}

			};
		}

	}

}
