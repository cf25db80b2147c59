package org.outreachcrm.directory.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest({ ContactPageController.class, AffiliationPageController.class })
@Import({ WebSecurityForTests.class, ViewFormats.class, FixedClockConfiguration.class })
class ContactPageControllerTests {

	static final Instant NOW = FixedClockConfiguration.NOW;

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Contacts contacts;

	@MockitoBean
	UserAccounts users;

	@Test
	void showsTheNameRuleAtTheDisplayNameField() {
		MvcTestResult result = this.mvc.post()
			.uri("/contacts")
			.param("emails", "not-an-email")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText()
			.contains("id=\"displayName-error\"", "give a display name or a given or family name",
					"id=\"emails-error\"", "aria-describedby=\"emails-hint emails-error\"");
		verify(this.contacts, never()).create(any());
	}

	@Test
	void splitsEmailsAndPhonesTypedOnePerLine() {
		given(this.contacts.create(any())).willReturn(contact(List.of()));

		this.mvc.post()
			.uri("/contacts")
			.param("givenName", "Ștefan")
			.param("emails", "a@example.org\r\nb@example.org, ")
			.param("phones", "+40 721 234 567")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		verify(this.contacts).create(new ContactRequest("Ștefan", null, null, List.of("a@example.org", "b@example.org"),
				List.of("+40 721 234 567"), null, null, null, Set.of(), null));
	}

	@Test
	void showsTakenEmailInTheUsersLanguage() {
		given(this.contacts.create(any())).willThrow(new BusinessRuleException("contact.email.taken", "taken", 12L));

		MvcTestResult result = this.mvc.post()
			.uri("/contacts?lang=ro")
			.param("displayName", "Ana")
			.param("emails", "ana@example.org")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText().contains("role=\"alert\"", "ana@example.org");
		assertThat(result).bodyText().containsPattern("(?s)alert.*12");
	}

	@Test
	void keepsMyInputAndShowsTheirsOnConflict() {
		given(this.contacts.update(eq(4L), any())).willThrow(new StaleVersionException("Contact", 4L, 1, 2));
		given(this.contacts.get(4L)).willReturn(contact(List.of()));

		MvcTestResult result = this.mvc.post()
			.uri("/contacts/4")
			.param("displayName", "My Spelling")
			.param("version", "1")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText()
			.contains("Someone else changed this contact", "Ștefan Mărgărit", "value=\"My Spelling\"");
	}

	@Test
	void addsAnAffiliationAndAnswersHtmxWithTheSectionOnly() {
		AffiliationView link = new AffiliationView(8, 4, "Ștefan Mărgărit", 2, "Fundația Științifică Łódź",
				"Coordinator", true, LocalDate.of(2024, 1, 1), null, 0);
		given(this.contacts.affiliate(eq(4L), any())).willReturn(link);
		given(this.contacts.get(4L)).willReturn(contact(List.of(link)));

		MvcTestResult result = this.mvc.post()
			.uri("/contacts/4/affiliations")
			.param("organizationId", "2")
			.param("role", "Coordinator")
			.param("primary", "true")
			.param("startDate", "2024-01-01")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		verify(this.contacts).affiliate(4L,
				new AffiliationRequest(2L, "Coordinator", true, LocalDate.of(2024, 1, 1), null, null));
		assertThat(result).bodyText()
			.startsWith("<section")
			.contains("id=\"affiliations\"", "Fundația Științifică Łódź", "The link has been added.")
			.doesNotContain("<html", "<nav");
	}

	@Test
	void refusesAnEndBeforeTheStartNextToTheEndDate() {
		given(this.contacts.get(4L)).willReturn(contact(List.of()));

		MvcTestResult result = this.mvc.post()
			.uri("/contacts/4/affiliations")
			.param("organizationId", "2")
			.param("startDate", "2024-01-01")
			.param("endDate", "2023-01-01")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		assertThat(result).bodyText()
			.contains("id=\"endDate-error\"", "the end date must not be before the start date");
		verify(this.contacts, never()).affiliate(eq(4L), any());
	}

	@Test
	void endsAnAffiliationToday() {
		AffiliationView link = new AffiliationView(8, 4, "Ștefan Mărgărit", 2, "Fundația", "Coordinator", true,
				LocalDate.of(2024, 1, 1), null, 3);
		given(this.contacts.affiliation(4L, 8L)).willReturn(link);
		given(this.contacts.get(4L)).willReturn(contact(List.of(link)));

		this.mvc.post()
			.uri("/contacts/4/affiliations/8/end")
			.param("version", "3")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.with(csrf())
			.exchange();

		verify(this.contacts).updateAffiliation(4L, 8L, new AffiliationRequest(2L, "Coordinator", false,
				LocalDate.of(2024, 1, 1), LocalDate.of(2026, 3, 2), 3L));
	}

	private static ContactDetails contact(List<AffiliationView> links) {
		return new ContactDetails(4, "Ștefan", "Mărgărit", "Ștefan Mărgărit", List.of("stefan@example.ro"), List.of(),
				"ro", "RO", null, Set.of(), links, NOW, "ion", NOW, "maria", 2);
	}

}
