package org.outreachcrm.directory.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The merge API as scripts call it, the merge page, the redirect and the undo button. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@WithMockUser(username = "staff", roles = "STAFF")
class MergeApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void staffHasAnAccount() {
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	@Test
	void mergesThroughTheApiAnswersTheKeptRecordAndTheMergedIdSaysWhereItWent() throws Exception {
		String m = marker();
		OrganizationDetails kept = this.organizations
			.create(organization("Fundacja Ziemia " + m, OrganizationType.FOUNDATION, "PL"));
		OrganizationDetails merged = this.organizations
			.create(new OrganizationRequest("Fundacja Ziemia " + m + " PL", OrganizationType.FOUNDATION, "PL", "Gdańsk",
					null, null, null, List.of(), null, null, null, Set.of("climate"), null));

		MvcTestResult result = post("/api/organizations/" + kept.id() + "/merge", Map.of("mergeId", merged.id(),
				"fields", Map.of("city", "MERGED", "name", "KEPT"), "version", kept.version()));

		assertThat(result).hasStatus(HttpStatus.OK);
		JsonNode body = this.json.readTree(result.getResponse().getContentAsString());
		JsonNode get = this.json.readTree(
				this.mvc.get().uri("/api/organizations/" + kept.id()).exchange().getResponse().getContentAsString());
		assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(get.propertyNames());
		assertThat(body.get("city").asString()).isEqualTo("Gdańsk");
		assertThat(body.get("name").asString()).isEqualTo(kept.name());

		MvcTestResult gone = this.mvc.get().uri("/api/organizations/" + merged.id()).exchange();
		assertThat(gone).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.json.readTree(gone.getResponse().getContentAsString()).get("mergedInto").asLong())
			.isEqualTo(kept.id());
		MvcTestResult missing = this.mvc.get().uri("/api/organizations/" + (merged.id() + 100_000_000L)).exchange();
		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(missing.getResponse().getContentAsString()).doesNotContain("mergedInto");

		MvcTestResult page = this.mvc.get().uri("/organizations/" + merged.id()).exchange();
		assertThat(page).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/organizations/" + kept.id());
		assertThat(page).flash().containsEntry("flash", "merge.redirected");

		long mergeId = this.jdbc.queryForObject("SELECT MAX(id) FROM record_merge WHERE kept_id = ?", Long.class,
				kept.id());
		MvcTestResult undone = post("/api/merges/" + mergeId + "/undo", Map.of());
		assertThat(undone).hasStatus(HttpStatus.OK);
		JsonNode undo = this.json.readTree(undone.getResponse().getContentAsString());
		assertThat(undo.get("restoredId").asLong()).isEqualTo(merged.id());
		assertThat(undo.get("keptId").asLong()).isEqualTo(kept.id());
		assertThat(undo.get("kind").asString()).isEqualTo("ORGANIZATION");
		assertThat(this.mvc.get().uri("/api/organizations/" + merged.id()).exchange()).hasStatus(HttpStatus.OK);

		MvcTestResult again = post("/api/merges/" + mergeId + "/undo", Map.of());
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(again.getResponse().getContentAsString()).contains("merge.undo.already");
	}

	@Test
	void refusesAStaleVersionWith409AndAFieldOutsideTheListWith422() throws Exception {
		String m = marker();
		ContactDetails kept = this.contacts.create(person("Ana", "Lupu " + m, null, "RO"));
		ContactDetails merged = this.contacts.create(person("Ana", "Lupu " + m, null, "RO"));

		assertThat(post("/api/contacts/" + kept.id() + "/merge",
				Map.of("mergeId", merged.id(), "fields", Map.of(), "version", kept.version() + 3)))
			.hasStatus(HttpStatus.CONFLICT);
		MvcTestResult unknown = post("/api/contacts/" + kept.id() + "/merge",
				Map.of("mergeId", merged.id(), "fields", Map.of("emails", "MERGED"), "version", kept.version()));
		assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(unknown.getResponse().getContentAsString()).contains("merge.field.unknown").contains("givenName");
		assertThat(post("/api/contacts/" + kept.id() + "/merge",
				Map.of("mergeId", merged.id(), "fields", Map.of("givenName", "BOTH"), "version", kept.version())))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("/api/contacts/" + kept.id() + "/merge", Map.of("fields", Map.of())))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/contacts/" + merged.id()).exchange()).hasStatus(HttpStatus.OK);
	}

	@Test
	void theMergePageOffersEachDifferingValueInPolishAndTheHistoryOffersTheUndo() throws Exception {
		String m = marker();
		ContactDetails kept = this.contacts.create(new ContactRequest("Zofia", "Król " + m, null,
				List.of("zofia." + m + "@a.pl"), List.of(), "pl", "PL", null, Set.of(), null));
		ContactDetails merged = this.contacts.create(new ContactRequest("Zofia", "Krol " + m, null,
				List.of("zkrol." + m + "@b.pl"), List.of(), "pl", "PL", "Poznana na forum", Set.of(), null));

		MvcTestResult page = this.mvc.get()
			.uri("/contacts/" + kept.id() + "/merge/" + merged.id() + "?lang=pl")
			.exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString();
		assertThat(html)
			.contains("Scal dwie osoby", "name=\"choice.familyName\"", "name=\"choice.notes\"", "Poznana na forum",
					"/contacts/" + merged.id() + "/merge/" + kept.id(), "1 adres e-mail")
			.doesNotContain("name=\"choice.givenName\"", "familyName</legend>");

		MvcTestResult merge = this.mvc.post()
			.uri("/contacts/" + kept.id() + "/merge/" + merged.id())
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("version=" + kept.version() + "&choice.familyName=MERGED&choice.notes=KEPT")
			.exchange();
		assertThat(merge).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/contacts/" + kept.id());
		ContactDetails after = this.contacts.get(kept.id());
		assertThat(after.familyName()).isEqualTo("Krol " + m);
		assertThat(after.notes()).isNull();
		assertThat(after.emails()).hasSize(2);

		String history = this.mvc.get()
			.uri("/contacts/" + kept.id() + "/history?lang=en")
			.exchange()
			.getResponse()
			.getContentAsString();
		long mergeId = this.jdbc.queryForObject("SELECT MAX(id) FROM record_merge WHERE kept_id = ?", Long.class,
				kept.id());
		assertThat(history).contains("merged “Zofia Krol " + m + "” into this person", "/merges/" + mergeId + "/undo",
				"Undo merge");

		MvcTestResult undo = this.mvc.post().uri("/merges/" + mergeId + "/undo").with(csrf()).exchange();
		assertThat(undo).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/contacts/" + kept.id());
		assertThat(undo).flash().containsEntry("flash", "merge.undone");
		assertThat(this.contacts.get(merged.id()).notes()).isEqualTo("Poznana na forum");
		assertThat(this.contacts.get(kept.id()).familyName()).isEqualTo("Król " + m);
	}

	private MvcTestResult post(String uri, Map<String, ?> body) throws Exception {
		return this.mvc.post()
			.uri(uri)
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.exchange();
	}

}
