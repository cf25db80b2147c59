package org.outreachcrm.directory;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class DirectoryApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@BeforeEach
	void mockLoginsHaveAccountsWithAllCountries() {
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	@Autowired
	ObjectMapper json;

	@Test
	void createsOrganizationWith201AndLocationAndFindsItAccentFree() {
		String m = marker();
		MvcTestResult created = this.mvc.post()
			.uri("/api/organizations")
			.with(httpBasic("admin", "Admin-Passw0rd-for-tests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "Fundația Științifică " + m, "type", "FOUNDATION", "country", "RO", "city",
					"Cluj-Napoca")))
			.exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode org = read(created);
		assertThat(created.getResponse().getHeader("Location"))
			.isEqualTo("/api/organizations/" + org.get("id").asLong());

		MvcTestResult found = this.mvc.get()
			.uri("/api/organizations?q=stiintifica+" + m + "&country=ro&type=FOUNDATION")
			.with(user("staff").roles("STAFF"))
			.exchange();
		assertThat(found).hasStatusOk();
		JsonNode page = read(found);
		assertThat(page.get("content").get(0).get("name").asString()).isEqualTo("Fundația Științifică " + m);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(25);
		assertThat(page.get("page").has("number")).isTrue();
		assertThat(page.get("page").has("totalPages")).isTrue();
	}

	@Test
	void invalidRequestGetsProblemDetailNamingTheField() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", " ", "type", "NGO", "country", "XX", "email", "not-an-email")))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = read(result);
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "country",
				"email");
		assertThat(problem.get("detail").asString()).contains("Country: must be an ISO 3166-1 two-letter country code");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | Name: enter at most 300 characters. | Country: must be an ISO 3166-1
			pl | Nazwa: wpisz najwyżej 300 znaków. | Kraj: musi być dwuliterowym kodem kraju
			ro | Nume: introduceți cel mult 300 de caractere. | Țară: trebuie să fie un cod de țară
			""")
	void validationMessagesNameTheFieldByItsLabelInTheCallersLanguage(String language, String name, String country) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "x".repeat(301), "type", "NGO", "country", "XX")))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		JsonNode problem = read(result);
		assertThat(problem.get("errors").findValuesAsString("message")).anySatisfy((m) -> assertThat(m).isEqualTo(name))
			.anySatisfy((m) -> assertThat(m).startsWith(country));
		assertThat(problem.get("detail").asString()).contains(name).doesNotContain("size must be");
	}

	@Test
	void unknownEnumValueNamesTheAllowedValues() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "X", "type", "CHARITY")))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(read(result).get("detail").asString()).contains("type").contains("CHARITY").contains("FOUNDATION");
	}

	@Test
	void staleVersionIsAConflictAndTheStoredRecordIsKept() {
		String m = marker();
		JsonNode org = read(this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "Versioned " + m, "type", "NGO")))
			.exchange());
		long id = org.get("id").asLong();

		MvcTestResult first = put(id, Map.of("name", "First " + m, "type", "NGO", "version", 0));
		MvcTestResult second = put(id, Map.of("name", "Second " + m, "type", "NGO", "version", 0));
		MvcTestResult missing = put(id, Map.of("name", "Third " + m, "type", "NGO"));

		assertThat(first).hasStatusOk();
		assertThat(second).hasStatus(HttpStatus.CONFLICT);
		assertThat(read(second).get("currentVersion").asLong()).isEqualTo(1);
		assertThat(missing).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(read(this.mvc.get().uri("/api/organizations/" + id).with(user("staff").roles("STAFF")).exchange())
			.get("name")
			.asString()).isEqualTo("First " + m);
	}

	@Test
	void contactWithAffiliationThroughTheApi() {
		String m = marker();
		long org = read(this.mvc.post()
			.uri("/api/organizations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "Sindicatul " + m, "type", "TRADE_UNION", "country", "RO")))
			.exchange()).get("id").asLong();
		MvcTestResult contact = this.mvc.post()
			.uri("/api/contacts")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("givenName", "Ștefan", "familyName", "Mureșan " + m, "emails",
					java.util.List.of(m + "@sindicat.ro"), "country", "RO")))
			.exchange();
		assertThat(contact).hasStatus(HttpStatus.CREATED);
		long contactId = read(contact).get("id").asLong();

		MvcTestResult link = this.mvc.post()
			.uri("/api/contacts/" + contactId + "/affiliations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(
					Map.of("organizationId", org, "role", "Președinte", "primary", true, "startDate", "2024-01-15")))
			.exchange();
		assertThat(link).hasStatus(HttpStatus.CREATED);
		assertThat(link.getResponse().getHeader("Location"))
			.startsWith("/api/contacts/" + contactId + "/affiliations/");

		JsonNode people = read(this.mvc.get()
			.uri("/api/organizations/" + org + "/affiliations")
			.with(user("staff").roles("STAFF"))
			.exchange());
		assertThat(people.get(0).get("contactName").asString()).isEqualTo("Ștefan Mureșan " + m);
		JsonNode found = read(this.mvc.get()
			.uri("/api/contacts?q=stefan+muresan+" + m)
			.with(user("staff").roles("STAFF"))
			.exchange());
		assertThat(found.get("content").get(0).get("organizationName").asString()).isEqualTo("Sindicatul " + m);
		assertThat(found.get("content").get(0).get("role").asString()).isEqualTo("Președinte");
	}

	@Test
	void badDatesOfAnAffiliationAreRefused() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/contacts/1/affiliations")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("organizationId", 1, "startDate", "2025-01-01", "endDate", "2024-01-01")))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(read(result).get("errors").findValuesAsString("field")).contains("endAfterStart");
	}

	@Test
	void missingRecordIs404ProblemDetail() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/organizations/987654321")
			.with(user("staff").roles("STAFF"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(read(result).get("detail").asString()).isEqualTo("Organization 987654321 was not found");
	}

	private MvcTestResult put(long id, Map<String, Object> body) {
		return this.mvc.put()
			.uri("/api/organizations/" + id)
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(body))
			.exchange();
	}

	private String body(Object value) {
		return this.json.writeValueAsString(value);
	}

	private JsonNode read(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
