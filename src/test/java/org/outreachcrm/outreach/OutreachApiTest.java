package org.outreachcrm.outreach;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@FlowTest
class OutreachApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@Autowired
	MessageSource messages;

	@BeforeEach
	void resetClock() {
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void logsAnInteractionWith201LocationFollowUpAndShowsItInTheViewersZone() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		OrganizationDetails org = this.organizations
			.create(organization("Api " + marker(), OrganizationType.NGO, "PL"));

		MvcTestResult created = this.mvc.post()
			.uri("/api/interactions")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("organizationId", org.id(), "contactIds", List.of(), "type", "CALL", "occurredAt",
					"2026-01-15T08:00:00Z", "timeZone", "Europe/Warsaw", "direction", "OUTBOUND", "subject", "Hello",
					"summary", "Long talk", "followUp", Map.of("dueOn", "2026-01-20", "note", "Send the offer"))))
			.exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode interaction = read(created);
		long id = interaction.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/interactions/" + id);
		assertThat(interaction.get("localTime").asString()).startsWith("2026-01-15T09:00");
		assertThat(interaction.get("staffId").asLong()).isEqualTo(staff.id());

		JsonNode inNewYork = read(
				this.mvc.get().uri("/api/interactions/" + id + "?zone=America/New_York").with(as(staff)).exchange());
		assertThat(inNewYork.get("localTime").asString()).startsWith("2026-01-15T03:00");

		JsonNode mine = read(this.mvc.get().uri("/api/follow-ups/mine?zone=Europe/Warsaw").with(as(staff)).exchange());
		assertThat(mine.get("content").get(0).get("interactionId").asLong()).isEqualTo(id);
		assertThat(mine.get("page").get("totalElements").asLong()).isEqualTo(1);

		JsonNode timeline = read(this.mvc.get()
			.uri("/api/organizations/" + org.id() + "/timeline?size=2&page=1")
			.with(as(staff))
			.exchange());
		// page 2 of 2: the organization was created (12:00) after the call it logs
		// (08:00)
		assertThat(timeline.get("content").findValuesAsString("kind")).containsExactly("INTERACTION");
		assertThat(timeline.get("page").get("totalElements").asLong()).isEqualTo(3);
	}

	@Test
	void staleVersionAnswers409() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		OrganizationDetails org = this.organizations
			.create(organization("Api " + marker(), OrganizationType.NGO, "PL"));
		Map<String, Object> request = Map.of("organizationId", org.id(), "type", "EMAIL", "occurredAt",
				"2026-01-15T08:00:00Z", "direction", "INBOUND", "subject", "Question");
		long id = read(this.mvc.post()
			.uri("/api/interactions")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(request))
			.exchange()).get("id").asLong();
		Map<String, Object> change = new java.util.HashMap<>(request);
		change.put("subject", "Changed");
		change.put("version", 0);
		assertThat(this.mvc.put()
			.uri("/api/interactions/" + id)
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(change))
			.exchange()).hasStatusOk();

		MvcTestResult stale = this.mvc.put()
			.uri("/api/interactions/" + id)
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(change))
			.exchange();

		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(read(stale).get("currentVersion").asLong()).isEqualTo(1);
	}

	@Test
	void invalidInteractionGetsProblemNamingTheFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/interactions")
			.with(user("staff").roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("type", "CALL", "direction", "OUTBOUND", "subject", " ")))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(read(result).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("organizationId",
				"occurredAt", "subject");
	}

	@Test
	void staffCannotListAnotherStaffMembersFollowUps() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		UserView other = Staff.create(this.users, Role.STAFF);
		assertThat(this.mvc.get().uri("/api/follow-ups?assigneeId=" + other.id()).with(as(staff)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		UserView manager = Staff.create(this.users, Role.MANAGER);
		assertThat(this.mvc.get()
			.uri("/api/follow-ups?assigneeId=" + other.id() + "&country=pl")
			.with(as(manager))
			.exchange()).hasStatusOk();
	}

	@Test
	void campaignCrudAndProgress() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		OrganizationDetails org = this.organizations
			.create(organization("Api " + marker(), OrganizationType.NGO, "PL"));
		MvcTestResult created = this.mvc.post()
			.uri("/api/campaigns")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("name", "Autumn", "startsOn", "2026-09-01", "status", "PLANNED",
					"targetOrganizationIds", List.of(org.id()))))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long id = read(created).get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/campaigns/" + id);

		JsonNode progress = read(this.mvc.get().uri("/api/campaigns/" + id + "/progress").with(as(staff)).exchange());
		assertThat(progress.get("total").get("targets").asLong()).isEqualTo(1);
		assertThat(progress.get("total").get("notReached").asLong()).isEqualTo(1);
		assertThat(progress.get("byCountry").get(0).get("key").asString()).isEqualTo("PL");
	}

	@Test
	void stageEndpointRecordsTheChangeOnTheTimeline() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		OrganizationDetails org = this.organizations
			.create(organization("Api " + marker(), OrganizationType.NGO, "PL"));

		MvcTestResult moved = this.mvc.post()
			.uri("/api/organizations/" + org.id() + "/stage")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("stage", "PARTNER", "version", org.version())))
			.exchange();
		assertThat(moved).hasStatusOk();
		assertThat(read(moved).get("stage").asString()).isEqualTo("PARTNER");

		JsonNode timeline = read(
				this.mvc.get().uri("/api/organizations/" + org.id() + "/timeline").with(as(staff)).exchange());
		JsonNode latest = timeline.get("content").get(0);
		assertThat(latest.get("kind").asString()).isEqualTo("STAGE_CHANGE");
		assertThat(latest.get("detail").asString()).isEqualTo("PROSPECT");
		assertThat(latest.get("code").asString()).isEqualTo("PARTNER");
		assertThat(latest.get("title").asString()).isEqualTo(staff.username());

		assertThat(this.mvc.post()
			.uri("/api/organizations/" + org.id() + "/stage")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("stage", "DORMANT", "version", org.version())))
			.exchange()).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void anUnknownOrganizationIsNamedByItsIdAsWrittenInEveryLanguage() {
		UserView staff = Staff.create(this.users, Role.STAFF);
		String request = body(Map.of("organizationId", 1234567, "type", "CALL", "occurredAt", "2026-01-15T08:00:00Z",
				"direction", "OUTBOUND", "subject", "Nobody there"));

		MvcTestResult english = this.mvc.post()
			.uri("/api/interactions")
			.with(as(staff))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request)
			.exchange();
		assertThat(english).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(read(english).get("detail").asString()).as("an id, not a quantity: no digit grouping")
			.isEqualTo("There is no organization with id 1234567.");
		BusinessRuleException refusal = new BusinessRuleException("outreach.organization.unknown", "", 1234567L);
		assertThat(this.messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.forLanguageTag("pl")))
			.isEqualTo("Nie ma organizacji o identyfikatorze 1234567.");
		assertThat(this.messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.forLanguageTag("ro")))
			.isEqualTo("Nu există nicio organizație cu id-ul 1234567.");
	}

	private static RequestPostProcessor as(UserView user) {
		return user(user.username()).roles(user.roles().iterator().next().name());
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
