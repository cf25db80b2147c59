package org.outreachcrm.duplicates.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.duplicates.DuplicateCheck;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The review queue page and the warning on save, in the API (a header) and in the form (a
 * warning with links after the redirect).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class DuplicatePagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	DuplicateCheck check;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void staffHasAnAccount() {
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	@Test
	void apiSaveAnswersWithThePossibleDuplicatesInAHeaderAndStillCreates() {
		String m = marker();
		long first = org("Polska Akcja Humanitarna " + m);
		this.check.check(MergeKind.ORGANIZATION, first);
		MvcTestResult created = this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"POLSKA AKCJA HUMANITARNA " + m + "\",\"type\":\"NGO\",\"country\":\"PL\"}")
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created.getResponse().getHeader(PossibleDuplicatesOnSave.HEADER)).isEqualTo(Long.toString(first));
	}

	@Test
	void queueShowsBothRecordsWithReasonsAndTheMergeLinkAndDismissRemovesThePair() throws Exception {
		String m = marker();
		long first = org("Stowarzyszenie Przyjaciół Ziemi " + m);
		this.check.check(MergeKind.ORGANIZATION, first);
		long second = org("Przyjaciol Ziemi " + m);
		assertThat(this.check.check(MergeKind.ORGANIZATION, second)).hasSize(1);
		long pairId = this.jdbc.sql("SELECT id FROM duplicate_pair WHERE first_id = ? AND second_id = ?")
			.params(first, second)
			.query(Long.class)
			.single();

		MvcTestResult page = this.mvc.get()
			.uri("/duplicates?kind=ORGANIZATION&lang=pl")
			.with(user("staff").roles("STAFF"))
			.exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("Stowarzyszenie Przyjaciół Ziemi " + m, "Przyjaciol Ziemi " + m,
				"/organizations/" + first + "/merge/" + second, "nazwy zgodne bez formy prawnej i cudzysłowów",
				"Przejrzyj i scal", "To nie duplikat");

		MvcTestResult dismissed = this.mvc.post()
			.uri("/duplicates/" + pairId + "/dismiss?kind=ORGANIZATION")
			.header("HX-Request", "true")
			.with(user("staff").roles("STAFF"))
			.with(csrf())
			.exchange();
		assertThat(dismissed).hasStatusOk();
		assertThat(this.jdbc.sql("SELECT status FROM duplicate_pair WHERE id = ?")
			.param(pairId)
			.query(String.class)
			.single()).isEqualTo("DISMISSED");
		assertThat(this.mvc.get()
			.uri("/duplicates?kind=ORGANIZATION")
			.with(user("staff").roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("pair-" + pairId + "\"");
	}

	private long org(String name) {
		return this.organizations
			.create(new OrganizationRequest(name, OrganizationType.NGO, "PL", null, null, null, null, List.of(), null,
					null, null, Set.of(), null))
			.id();
	}

}
