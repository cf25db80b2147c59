package org.outreachcrm.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A user limited to Poland tries every list, search, detail, timeline, export and count
 * for Romanian records and sees nothing of them (404 for details, never 403), while a
 * user with all countries sees the same data.
 */
@FlowTest
class CountryScopeTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	Meetings meetings;

	@Autowired
	JdbcTemplate jdbc;

	@PersistenceContext
	EntityManager entityManager;

	@Autowired
	MutableClock clock;

	String m;

	UserView polish;

	UserView everywhere;

	OrganizationDetails romanian;

	OrganizationDetails polishOrg;

	ContactDetails romanianPerson;

	/** A Ukrainian person working for the Polish organization: visible through it. */
	ContactDetails linkedPerson;

	AffiliationView romanianLink;

	InteractionView romanianCall;

	long romanianFollowUp;

	MeetingView romanianMeeting;

	MeetingView sharedMeeting;

	@BeforeEach
	void data() {
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
		this.m = marker();
		this.everywhere = this.users.create(new NewUser("all" + this.m, "Test-Passw0rd-" + this.m, "All " + this.m,
				null, Set.of(Role.ADMIN), Set.of()));
		this.polish = this.users.create(new NewUser("pl" + this.m, "Test-Passw0rd-" + this.m, "Pl " + this.m, null,
				Set.of(Role.ADMIN), Set.of("PL")));
		Staff.actAs(this.everywhere);
		this.romanian = this.organizations
			.create(organization("Asociatia " + this.m + " Cluj", OrganizationType.NGO, "RO"));
		this.polishOrg = this.organizations
			.create(organization("Fundacja " + this.m + " Lodz", OrganizationType.NGO, "PL"));
		this.romanianPerson = this.contacts.create(person("Ioana", "Pop " + this.m, "ioana" + this.m + "@x.ro", "RO"));
		this.romanianLink = this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.romanian.id(), "President", true, null, null, null));
		this.linkedPerson = this.contacts.create(person("Olena", "Koval " + this.m, null, "UA"));
		this.contacts.affiliate(this.linkedPerson.id(),
				new AffiliationRequest(this.polishOrg.id(), "Volunteer", true, null, null, null));
		this.contacts.affiliate(this.linkedPerson.id(),
				new AffiliationRequest(this.romanian.id(), "Romanianlink" + this.m, false, null, null, null));
		this.romanianCall = this.interactions
			.log(new InteractionRequest(this.romanian.id(), List.of(this.romanianPerson.id(), this.linkedPerson.id()),
					InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"), "Europe/Bucharest", Direction.OUTBOUND,
					"Apel " + this.m, null, null, null, null, null,
					new FollowUpRequest(LocalDate.parse("2026-02-01"), null, "Rappel " + this.m), null));
		this.romanianFollowUp = this.jdbc.queryForObject("SELECT id FROM follow_up WHERE interaction_id = ?",
				Long.class, this.romanianCall.id());
		this.romanianMeeting = this.meetings
			.create(new MeetingRequest("Intalnire " + this.m, null, Instant.parse("2026-03-01T10:00:00Z"),
					Instant.parse("2026-03-01T12:00:00Z"), "Europe/Bucharest", null, null, null, null));
		this.meetings.invite(this.romanianMeeting.id(),
				new InvitationRequest(this.romanianPerson.id(), this.romanian.id(), null));
		this.sharedMeeting = this.meetings
			.create(new MeetingRequest("Shared " + this.m, null, Instant.parse("2026-03-02T10:00:00Z"),
					Instant.parse("2026-03-02T12:00:00Z"), "Europe/Warsaw", null, null, null, null));
		this.meetings.invite(this.sharedMeeting.id(),
				new InvitationRequest(this.romanianPerson.id(), this.romanian.id(), null));
		this.meetings.invite(this.sharedMeeting.id(),
				new InvitationRequest(this.linkedPerson.id(), this.polishOrg.id(), null));
		Staff.logOut();
		// each request has its own persistence context; here the test's transaction spans
		// them, so forget what the setup loaded
		this.entityManager.flush();
		this.entityManager.clear();
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	List<String> details() {
		long o = this.romanian.id();
		long c = this.romanianPerson.id();
		return List.of("/api/organizations/" + o, "/api/organizations/" + o + "/affiliations",
				"/api/organizations/" + o + "/timeline", "/api/contacts/" + c, "/api/contacts/" + c + "/affiliations",
				"/api/contacts/" + c + "/affiliations/" + this.romanianLink.id(), "/api/contacts/" + c + "/timeline",
				"/api/interactions/" + this.romanianCall.id(), "/api/follow-ups/" + this.romanianFollowUp,
				"/api/meetings/" + this.romanianMeeting.id(),
				"/api/meetings/" + this.romanianMeeting.id() + "/invitations",
				"/api/meetings/" + this.romanianMeeting.id() + "/delegation",
				"/api/meetings/" + this.romanianMeeting.id() + "/export.xlsx",
				"/api/meetings/" + this.romanianMeeting.id() + "/export.ics", "/organizations/" + o,
				"/organizations/" + o + "/edit", "/organizations/" + o + "/timeline", "/contacts/" + c,
				"/contacts/" + c + "/edit", "/contacts/" + c + "/timeline",
				"/contacts/" + c + "/affiliations/" + this.romanianLink.id() + "/edit",
				"/meetings/" + this.romanianMeeting.id(), "/meetings/" + this.romanianMeeting.id() + "/edit",
				"/meetings/" + this.romanianMeeting.id() + "/export.xlsx",
				"/meetings/" + this.romanianMeeting.id() + "/export.ics", "/api/organizations/" + o + "/history",
				"/api/contacts/" + c + "/history", "/organizations/" + o + "/history", "/contacts/" + c + "/history",
				"/meetings/" + this.romanianMeeting.id() + "/history", "/api/contacts/" + c + "/personal-data",
				"/api/contacts/" + c + "/personal-data.xlsx");
	}

	List<String> lists() {
		String q = "?q=" + this.m;
		return List.of("/api/organizations" + q, "/api/contacts" + q, "/api/interactions?size=200",
				"/api/follow-ups?size=200", "/api/meetings?size=200", "/api/outreach/cold-organizations?size=200",
				"/api/contacts/" + this.linkedPerson.id(), "/api/contacts/" + this.linkedPerson.id() + "/affiliations",
				"/api/contacts/" + this.linkedPerson.id() + "/timeline",
				"/api/meetings/" + this.sharedMeeting.id() + "/invitations",
				"/api/meetings/" + this.sharedMeeting.id() + "/delegation",
				"/api/meetings/" + this.sharedMeeting.id() + "/export.ics", "/directory" + q, "/organizations" + q,
				"/contacts" + q, "/organizations/options" + q, "/contacts/options" + q, "/follow-ups", "/meetings",
				"/outreach/going-cold", "/contacts/" + this.linkedPerson.id(),
				"/contacts/" + this.linkedPerson.id() + "/timeline", "/meetings/" + this.sharedMeeting.id());
	}

	@Test
	void scopedUserGets404ForEveryDetailOfAnotherCountry() {
		SoftAssertions softly = new SoftAssertions();
		for (String path : details()) {
			softly.assertThat(get(path, this.everywhere).getResponse().getStatus())
				.as("all countries: " + path)
				.isEqualTo(200);
			MvcTestResult scoped = get(path, this.polish);
			softly.assertThat(scoped.getResponse().getStatus()).as("PL only: " + path).isEqualTo(404);
			// the page shows the user's name, which holds the marker: look for the data
			softly.assertThat(body(scoped))
				.as("404 body of " + path)
				.doesNotContain("Asociatia", "Ioana", "Apel", "Rappel", "Intalnire");
		}
		softly.assertAll();
	}

	@Test
	void scopedUserSeesNoRecordOfAnotherCountryInListsSearchesCountsAndTimelines() {
		// everything is "going cold" a year later
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW.plus(Duration.ofDays(365)));
		for (String path : lists()) {
			MvcTestResult all = get(path, this.everywhere);
			assertThat(all).as("all countries: " + path).hasStatusOk();
			assertThat(body(all)).as("all countries: " + path)
				.containsAnyOf("Asociatia " + this.m, "Pop " + this.m, "Apel " + this.m, "Rappel " + this.m,
						"Intalnire " + this.m, "Romanianlink" + this.m, "\"organizationId\":" + this.romanian.id(),
						"Ioana");
			MvcTestResult scoped = get(path, this.polish);
			assertThat(scoped).as("PL only: " + path).hasStatusOk();
			assertThat(body(scoped)).as("PL only: " + path)
				.doesNotContain("Asociatia " + this.m, "Pop " + this.m, "Apel " + this.m, "Rappel " + this.m,
						"Intalnire " + this.m, "Romanianlink" + this.m, "\"organizationId\":" + this.romanian.id(),
						"Ioana");
		}
		// the Polish side stays visible, with counts that leave out the rest
		assertThat(body(get("/api/organizations?q=" + this.m, this.polish))).contains("Fundacja " + this.m)
			.contains("\"totalElements\":1");
		assertThat(body(get("/api/contacts?q=" + this.m, this.polish))).contains("Koval " + this.m)
			.contains("\"totalElements\":1");
		assertThat(body(get("/api/organizations?q=" + this.m, this.everywhere))).contains("\"totalElements\":2");
		assertThat(body(get("/api/contacts/" + this.linkedPerson.id() + "/timeline", this.polish)))
			.contains("\"totalElements\":1");
		assertThat(body(get("/api/contacts/" + this.linkedPerson.id() + "/timeline", this.everywhere)))
			.contains("\"totalElements\":3");
	}

	@Test
	void scopedUserCannotWriteIntoAnotherCountry() {
		MvcTestResult created = this.mvc.post()
			.uri("/api/organizations")
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Nope " + this.m + "\",\"type\":\"NGO\",\"country\":\"RO\"}")
			.exchange();
		assertThat(created).hasStatus(422);
		assertThat(body(created)).contains("RO");

		MvcTestResult moved = this.mvc.put()
			.uri("/api/organizations/" + this.polishOrg.id())
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Moved " + this.m + "\",\"type\":\"NGO\",\"country\":\"RO\",\"version\":"
					+ this.polishOrg.version() + "}")
			.exchange();
		assertThat(moved).hasStatus(422);

		MvcTestResult person = this.mvc.post()
			.uri("/api/contacts")
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"givenName\":\"Ana\",\"familyName\":\"X" + this.m + "\",\"country\":\"RO\"}")
			.exchange();
		assertThat(person).hasStatus(422);

		MvcTestResult changed = this.mvc.put()
			.uri("/api/organizations/" + this.romanian.id())
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Taken " + this.m + "\",\"type\":\"NGO\",\"country\":\"PL\",\"version\":"
					+ this.romanian.version() + "}")
			.exchange();
		assertThat(changed).hasStatus(404);

		assertThat(this.mvc.delete().uri("/api/contacts/" + this.romanianPerson.id()).with(as(this.polish)).exchange())
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/api/interactions")
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + this.romanian.id()
					+ ",\"type\":\"CALL\",\"occurredAt\":\"2026-01-15T08:00:00Z\",\"direction\":\"OUTBOUND\","
					+ "\"subject\":\"x\"}")
			.exchange()
			.getResponse()
			.getStatus()).as("an unknown organization, as if it did not exist").isIn(404, 422);
		assertThat(this.mvc.post()
			.uri("/organizations/" + this.romanian.id() + "/delete")
			.with(as(this.polish))
			.with(csrf())
			.exchange()).hasStatus(404);

		// an email names one person in every country: no duplicate behind the scope
		MvcTestResult duplicate = this.mvc.post()
			.uri("/api/contacts")
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"givenName\":\"Ioana\",\"familyName\":\"Copy\",\"country\":\"PL\",\"emails\":[\"ioana" + this.m
					+ "@x.ro\"]}")
			.exchange();
		assertThat(duplicate).hasStatus(422);
		assertThat(body(duplicate)).contains("contact.email.taken");

		// the person linked to the Polish organization may live anywhere
		MvcTestResult linked = this.mvc.put()
			.uri("/api/contacts/" + this.linkedPerson.id())
			.with(as(this.polish))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"givenName\":\"Olena\",\"familyName\":\"Koval " + this.m + "\",\"country\":\"DE\",\"version\":"
					+ this.linkedPerson.version() + "}")
			.exchange();
		assertThat(linked).hasStatusOk();
	}

	@Test
	void anHttpBasicLoginCarriesTheUsersCountriesAndIdIntoItsRequestAndAChangeHoldsFromTheNextOne() {
		// HTTP Basic reads the user once and the request's scope and current user come
		// from
		// that read (RequestUsers): it must be this user's, and never outlive the request
		RequestPostProcessor basic = httpBasic(this.polish.username(), "Test-Passw0rd-" + this.m);
		assertThat(this.mvc.get().uri("/api/organizations/" + this.romanian.id()).with(basic).exchange())
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/api/interactions")
			.with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content(call(this.romanian.id()))
			.exchange()).hasStatus(422);
		MvcTestResult logged = this.mvc.post()
			.uri("/api/interactions")
			.with(basic)
			.contentType(MediaType.APPLICATION_JSON)
			.content(call(this.polishOrg.id()))
			.exchange();
		assertThat(logged).hasStatus(201);
		assertThat(body(logged)).contains("\"staffId\":" + this.polish.id());
		// the admin of all countries, in the request right after, sees Romania
		assertThat(this.mvc.get()
			.uri("/api/organizations/" + this.romanian.id())
			.with(httpBasic(this.everywhere.username(), "Test-Passw0rd-" + this.m))
			.exchange()).hasStatusOk();

		this.users.update(this.polish.id(), new UserChange(this.polish.displayName(), null, true, this.polish.roles(),
				Set.of("PL", "RO"), this.polish.version()), this.everywhere.username());
		// committed, as far as the next request's SQL is concerned
		this.entityManager.flush();

		assertThat(this.mvc.get().uri("/api/organizations/" + this.romanian.id()).with(basic).exchange()).hasStatusOk();
	}

	private static String call(long organizationId) {
		return "{\"organizationId\":" + organizationId
				+ ",\"type\":\"CALL\",\"occurredAt\":\"2026-01-15T08:00:00Z\",\"direction\":\"OUTBOUND\","
				+ "\"subject\":\"Basic\"}";
	}

	@Test
	void theFilterHoldsForServicesCalledOutsideARequest() {
		Staff.actAs(this.polish);
		assertThat(this.organizations.exists(this.romanian.id())).isFalse();
		assertThat(this.organizations.exists(this.polishOrg.id())).isTrue();
		assertThat(this.organizations.facts(List.of(this.romanian.id(), this.polishOrg.id()))).extracting((f) -> f.id())
			.containsExactly(this.polishOrg.id());
		assertThat(this.contacts.affiliationsOfContact(this.linkedPerson.id())).extracting(AffiliationView::role)
			.containsExactly("Volunteer");
		Staff.actAs(this.everywhere);
		assertThat(this.organizations.exists(this.romanian.id())).isTrue();
	}

	private MvcTestResult get(String path, UserView as) {
		MvcTestResult result = this.mvc.get().uri(path).with(as(as)).exchange();
		// requests share the test's transaction: start each from an empty persistence
		// context, as a real request does
		this.entityManager.clear();
		return result;
	}

	private static RequestPostProcessor as(UserView user) {
		return user(user.username()).roles(user.roles().stream().map(Role::name).toArray(String[]::new));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> none() {
		return Map.of();
	}

}
