package org.outreachcrm.directory.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(OrganizationPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, FixedClockConfiguration.class })
class OrganizationPageControllerTests {

	static final Instant NOW = FixedClockConfiguration.NOW;

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	Contacts contacts;

	@MockitoBean
	UserAccounts users;

	@BeforeEach
	void noOwnersToChooseFrom() {
		given(this.users.list(any())).willReturn(Page.empty());
	}

	@Test
	void listsOrganizationsWithTranslatedLabels() {
		given(this.organizations.search(any(), any())).willReturn(page(summary(1, "Fundația Științifică Łódź")));

		MvcTestResult result = this.mvc.get().uri("/organizations").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Fundația Științifică Łódź", "Foundation", "Partner", "Poland", "id=\"organization-results\"",
					"<nav");
	}

	@Test
	void rendersNamesAsTextNeverAsMarkup() {
		given(this.organizations.search(any(), any())).willReturn(page(summary(1, "<script>alert(1)</script>")));

		MvcTestResult result = this.mvc.get().uri("/organizations").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).bodyText()
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void answersHtmxWithTheResultsFragmentOnly() {
		given(this.organizations.search(any(), any())).willReturn(page(summary(1, "Asociația Tinerilor")));

		MvcTestResult result = this.mvc.get()
			.uri("/organizations?q=tineri&sort=name&dir=desc")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.startsWith("<div id=\"organization-results\"")
			.contains("Asociația Tinerilor", "aria-sort=\"descending\"")
			.doesNotContain("<html", "<nav", "<form");
	}

	@Test
	void showsValidationErrorsNextToTheirFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/organizations")
			.param("name", " ")
			.param("website", "not a web address")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("aria-describedby=\"name-error\"", "id=\"name-error\"", "id=\"type-error\"",
					"aria-describedby=\"website-error\"", "Website: must be a web address such as https://example.org",
					"Name: fill this in.", "Type: fill this in.");
		verify(this.organizations, never()).create(any());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | Name: enter at most 300 characters. | Website: must be a web address
			pl | Nazwa: wpisz najwyżej 300 znaków. | Strona WWW: musi być adresem strony
			ro | Nume: introduceți cel mult 300 de caractere. | Site web: trebuie să fie o adresă web
			""")
	void validationMessagesNameTheFieldByItsLabelInThePagesLanguage(String language, String name, String website) {
		MvcTestResult result = this.mvc.post()
			.uri("/organizations?lang=" + language)
			.param("name", "x".repeat(301))
			.param("type", "NGO")
			.param("website", "not a web address")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains(name, website).doesNotContain("size must be", "Use 0 to");
	}

	@Test
	void showsTheirVersionAndKeepsMyInputWhenSomeoneSavedMeanwhile() {
		given(this.organizations.update(eq(7L), any())).willThrow(new StaleVersionException("Organization", 7L, 3, 4));
		given(this.organizations.get(7L)).willReturn(details(7, "Their Name", 4));

		MvcTestResult result = this.mvc.post()
			.uri("/organizations/7")
			.param("name", "My Name")
			.param("type", "NGO")
			.param("version", "3")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Someone else changed this organization while you were editing", "Their Name",
					"value=\"My Name\"", "name=\"version\" value=\"4\"", "Save my version anyway");
	}

	@Test
	void showsBrokenBusinessRuleInTheUsersLanguage() {
		given(this.organizations.create(any(OrganizationRequest.class)))
			.willThrow(new BusinessRuleException("organization.owner.unknown", "no user", 42));

		MvcTestResult result = this.mvc.post()
			.uri("/organizations?lang=pl")
			.param("name", "Fundacja")
			.param("type", "FOUNDATION")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText().contains("Nie ma użytkownika o id 42.");
	}

	@Test
	void redirectsToTheNewOrganizationAfterCreating() {
		given(this.organizations.create(any(OrganizationRequest.class))).willReturn(details(9, "Fundacja", 0));

		MvcTestResult result = this.mvc.post()
			.uri("/organizations")
			.param("name", "Fundacja")
			.param("type", "FOUNDATION")
			.param("languages", "PL, en")
			.param("tags", "youth, education")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/organizations/9");
		verify(this.organizations).create(new OrganizationRequest("Fundacja", OrganizationType.FOUNDATION, null, null,
				null, null, null, List.of("pl", "en"), null, PartnershipStage.PROSPECT, null,
				new java.util.LinkedHashSet<>(List.of("youth", "education")), null));
	}

	@Test
	void showsNotFoundPageForUnknownOrganization() {
		given(this.organizations.get(anyLong())).willThrow(new NotFoundException("Organization", 5L));

		MvcTestResult result = this.mvc.get().uri("/organizations/5").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(result).bodyText().contains("Not found");
	}

	@Test
	void letsOnlyAdminsDelete() {
		assertThat(this.mvc.post()
			.uri("/organizations/5/delete")
			.param("version", "1")
			.with(user("anna").roles("STAFF"))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		verify(this.organizations, never()).delete(anyLong(), any());

		assertThat(this.mvc.post()
			.uri("/organizations/5/delete")
			.param("version", "1")
			.with(user("boss").roles("ADMIN"))
			.with(csrf())).hasRedirectedUrl("/organizations");
		verify(this.organizations).delete(5L, 1L);
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		MvcTestResult result = this.mvc.get().uri("/organizations").exchange();

		assertThat(result).hasStatus(HttpStatus.FOUND);
		assertThat(result).redirectedUrl().endsWith("/login");
	}

	@Test
	void switchesToPolishAndRemembersIt() {
		given(this.organizations.search(any(), any())).willReturn(page());

		MvcTestResult result = this.mvc.get()
			.uri("/organizations?lang=pl")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).bodyText().contains("Organizacje", "Kontakty", "Wyloguj", "lang=\"pl\"");
		assertThat(result).cookies().containsCookie("crm-lang");
		assertThat(result.getResponse().getCookie("crm-lang").getValue()).isEqualTo("pl");
		assertThat(result.getResponse().getCookie("crm-lang").getMaxAge()).isEqualTo(365 * 24 * 3600);
	}

	@Test
	void ignoresLanguagesWithoutBundle() {
		given(this.organizations.search(any(), any())).willReturn(page());

		MvcTestResult result = this.mvc.get()
			.uri("/organizations?lang=de")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).bodyText().contains("Organizations", "lang=\"en\"");
	}

	@Test
	void offersOrganizationsAsOptionsForThePicker() {
		given(this.organizations.search(any(), any())).willReturn(page(summary(3, "Asociația Tinerilor")));

		MvcTestResult result = this.mvc.get()
			.uri("/organizations/options?q=tiner")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).bodyText()
			.contains("<option value=\"3\">Asociația Tinerilor (Łódź)</option>")
			.doesNotContain("<html");
	}

	private static Page<OrganizationSummary> page(OrganizationSummary... rows) {
		return new PageImpl<>(List.of(rows), PageRequest.of(0, 25), rows.length);
	}

	private static OrganizationSummary summary(long id, String name) {
		return new OrganizationSummary(id, name, OrganizationType.FOUNDATION, "PL", "Łódź", PartnershipStage.PARTNER,
				null, List.of("youth"), NOW, 0);
	}

	static OrganizationDetails details(long id, String name, long version) {
		return new OrganizationDetails(id, name, OrganizationType.NGO, "RO", "Cluj", null, null, null, List.of("ro"),
				null, PartnershipStage.ENGAGED, null, null, Set.of("youth"), NOW, "ion", NOW, "maria", version);
	}

}
