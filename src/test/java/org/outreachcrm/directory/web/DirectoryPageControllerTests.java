package org.outreachcrm.directory.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.ContactSummary;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(DirectoryPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class })
class DirectoryPageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	Contacts contacts;

	@MockitoBean
	UserAccounts users;

	@Test
	void suggestsOrganizationsAndPeopleWithTheirCountryAndType() {
		DirectoryQuery query = DirectoryQuery.text("lodz");
		given(this.organizations.search(eq(query), any())).willReturn(new PageImpl<>(
				List.of(new OrganizationSummary(2, "Fundația Științifică Łódź", OrganizationType.FOUNDATION, "PL",
						"Łódź", PartnershipStage.PARTNER, null, List.of(), Instant.EPOCH, 0)),
				PageRequest.of(0, 5), 1));
		given(this.contacts.search(eq(query), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 5), 0));

		MvcTestResult suggestions = this.mvc.get()
			.uri("/search/suggest?q=lodz&lang=pl")
			.with(user("anna").roles("STAFF"))
			.exchange();
		assertThat(suggestions).hasStatusOk();
		assertThat(suggestions).bodyText()
			.contains("href=\"/organizations/2\"", "Fundația Științifică Łódź", "Fundacja", "Polska",
					"href=\"/directory?q=lodz\"")
			.doesNotContain("<html");
	}

	@Test
	void exactCountsOnTheSearchPageAreGroupedInTheUsersLanguage() {
		DirectoryQuery query = DirectoryQuery.text("kowalczyk");
		given(this.organizations.search(eq(query), any()))
			.willReturn(new PageImpl<>(
					List.of(new OrganizationSummary(2, "Fundacja Kowalczyk", OrganizationType.FOUNDATION, "PL", "Łódź",
							PartnershipStage.PARTNER, null, List.of(), Instant.EPOCH, 0)),
					PageRequest.of(0, 10), 1000));
		given(this.contacts.search(eq(query), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 10), 0));

		for (String[] language : new String[][] { { "en", "1,000" }, { "pl", "1\u00a0000" }, { "ro", "1.000" } }) {
			assertThat(this.mvc.get()
				.uri("/directory?q=kowalczyk&lang=" + language[0])
				.with(user("anna").roles("STAFF"))
				.exchange()).bodyText().as(language[0]).contains(">" + language[1] + "</span>");
		}
	}

	@Test
	void tellsAScopedUserThatTheWordsFindSomethingOnlyInOtherCountries() {
		DirectoryQuery query = DirectoryQuery.text("cluj");
		given(this.organizations.search(eq(query), any())).willReturn(Page.empty());
		given(this.contacts.search(eq(query), any())).willReturn(Page.empty());
		given(this.organizations.foundOutsideScope(query)).willReturn(true);

		assertThat(this.mvc.get().uri("/search/suggest?q=cluj").with(user("anna").roles("STAFF")).exchange()).bodyText()
			.contains("Nothing in your countries.")
			.doesNotContain("Nothing found.");
		assertThat(this.mvc.get().uri("/directory?q=cluj").with(user("anna").roles("STAFF")).exchange()).bodyText()
			.contains("id=\"out-of-scope\"");

		given(this.organizations.foundOutsideScope(query)).willReturn(false);
		assertThat(this.mvc.get().uri("/search/suggest?q=cluj").with(user("anna").roles("STAFF")).exchange()).bodyText()
			.contains("Nothing found.")
			.doesNotContain("Nothing in your countries.");
	}

	@Test
	void findsOrganizationsAndPeopleWithOneQuery() {
		DirectoryQuery query = DirectoryQuery.text("stiintifica lodz");
		given(this.organizations.search(eq(query), any())).willReturn(new PageImpl<>(
				List.of(new OrganizationSummary(2, "Fundația Științifică Łódź", OrganizationType.FOUNDATION, "PL",
						"Łódź", PartnershipStage.PARTNER, null, List.of(), Instant.EPOCH, 0)),
				PageRequest.of(0, 10), 1));
		given(this.contacts.search(eq(query), any()))
			.willReturn(
					new PageImpl<>(
							List.of(new ContactSummary(4, "Ștefan Mărgărit", null, "RO", 2L,
									"Fundația Științifică Łódź", "Coordinator", List.of(), 0)),
							PageRequest.of(0, 10), 1));

		MvcTestResult page = this.mvc.get()
			.uri("/directory?q=stiintifica lodz")
			.with(user("anna").roles("STAFF"))
			.exchange();
		MvcTestResult fragment = this.mvc.get()
			.uri("/directory?q=stiintifica lodz")
			.header("HX-Request", "true")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(page).bodyText()
			.contains("<nav", "hx-get=\"/directory\"", "hx-push-url=\"true\"", "Fundația Științifică Łódź",
					"Ștefan Mărgărit");
		assertThat(fragment).bodyText()
			.startsWith("<div id=\"search-results\"")
			.contains("href=\"/organizations/2\"", "href=\"/contacts/4\"", "Coordinator")
			.doesNotContain("<nav", "<html", "<input");
	}

	@Test
	void givesTheWholePageWhenHtmxRestoresHistory() {
		MvcTestResult result = this.mvc.get()
			.uri("/directory")
			.header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.with(user("anna").roles("STAFF"))
			.exchange();

		assertThat(result).bodyText().contains("<html", "id=\"search-results\"");
	}

	@Test
	void showsTheNavigationInRomanian() {
		MvcTestResult result = this.mvc.get().uri("/directory?lang=ro").with(user("anna").roles("STAFF")).exchange();

		assertThat(result).bodyText().contains("Organizații", "Deconectare", "Căutați organizații și persoane");
	}

}
