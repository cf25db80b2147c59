package org.outreachcrm.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.FlowTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The reported cases of a user limited to Romania changing records shared with Poland and
 * Germany: a write that would also change what lies outside the scope is refused whole
 * (403 with the reason), an edit keeps what the editor cannot see, and a filter by a
 * record out of sight answers as for one that does not exist.
 */
@FlowTest
class ScopedWritesTest {

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
	Campaigns campaigns;

	@Autowired
	JdbcTemplate jdbc;

	@PersistenceContext
	EntityManager entityManager;

	String m;

	UserView everywhere;

	UserView romanianStaff;

	UserView romanianAdmin;

	OrganizationDetails romanian;

	OrganizationDetails otherRomanian;

	OrganizationDetails polish;

	OrganizationDetails german;

	ContactDetails romanianPerson;

	ContactDetails germanPerson;

	@BeforeEach
	void data() {
		this.m = marker();
		this.everywhere = this.users.create(new NewUser("all" + this.m, "Test-Passw0rd-" + this.m, "All " + this.m,
				null, Set.of(Role.ADMIN), Set.of()));
		this.romanianStaff = this.users.create(new NewUser("ro" + this.m, "Test-Passw0rd-" + this.m, "Ro " + this.m,
				null, Set.of(Role.STAFF), Set.of("RO")));
		this.romanianAdmin = this.users.create(new NewUser("roa" + this.m, "Test-Passw0rd-" + this.m,
				"Ro admin " + this.m, null, Set.of(Role.ADMIN), Set.of("RO")));
		Staff.actAs(this.everywhere);
		this.romanian = this.organizations.create(organization("Asociatia " + this.m, OrganizationType.NGO, "RO"));
		this.otherRomanian = this.organizations
			.create(organization("Liceul " + this.m, OrganizationType.ACADEMIA, "RO"));
		this.polish = this.organizations.create(organization("Fundacja " + this.m, OrganizationType.NGO, "PL"));
		this.german = this.organizations.create(organization("Verein " + this.m, OrganizationType.MEDIA, "DE"));
		this.romanianPerson = this.contacts.create(person("Ioana", "Pop " + this.m, null, "RO"));
		this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.romanian.id(), "Membru", true, null, null, null));
		this.germanPerson = this.contacts.create(person("Jonas", "Weber " + this.m, null, "DE"));
		this.contacts.affiliate(this.germanPerson.id(),
				new AffiliationRequest(this.german.id(), "Vorstand", true, null, null, null));
		Staff.logOut();
		this.entityManager.flush();
		this.entityManager.clear();
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void deletingAMeetingWithInvitationsOfAnotherCountryIsRefusedWholeWithTheReason() {
		MeetingView shared = meetingWith(this.romanian, this.romanianPerson, this.german, this.germanPerson);
		MvcTestResult refused = this.mvc.delete()
			.uri("/api/meetings/" + shared.id())
			.with(as(this.romanianStaff))
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(body(refused)).contains("scope.meeting.shared").contains("outside your countries");
		assertThat(count("SELECT COUNT(*) FROM meeting WHERE id = ?", shared.id())).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM invitation WHERE meeting_id = ? AND organization_id = ?", shared.id(),
				this.german.id()))
			.as("the German invitation stays")
			.isEqualTo(1);
		// the reason in the user's language
		assertThat(body(this.mvc.delete()
			.uri("/api/meetings/" + shared.id() + "?lang=pl")
			.with(as(this.romanianStaff))
			.exchange())).contains("spoza Twoich krajów");
		assertThat(body(this.mvc.delete()
			.uri("/api/meetings/" + shared.id() + "?lang=ro")
			.with(as(this.romanianStaff))
			.exchange())).contains("din afara țărilor dumneavoastră");

		// a meeting of Romanians alone is theirs to delete; all countries may delete both
		MeetingView own = meetingWith(this.romanian, this.romanianPerson, null, null);
		assertThat(this.mvc.delete().uri("/api/meetings/" + own.id()).with(as(this.romanianStaff)).exchange())
			.hasStatus(204);
		assertThat(this.mvc.delete().uri("/api/meetings/" + shared.id()).with(as(this.everywhere)).exchange())
			.hasStatus(204);
		this.entityManager.flush();
		assertThat(count("SELECT COUNT(*) FROM invitation WHERE meeting_id = ?", shared.id())).isZero();
	}

	@Test
	void invitationsAndAttendanceOfAnotherCountryAreOutOfReach() {
		MeetingView shared = meetingWith(this.romanian, this.romanianPerson, this.german, this.germanPerson);
		long germanInvitation = count("SELECT id FROM invitation WHERE meeting_id = ? AND organization_id = ?",
				shared.id(), this.german.id());
		assertThat(this.mvc.put()
			.uri("/api/meetings/" + shared.id() + "/invitations/" + germanInvitation)
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"DECLINED\",\"version\":0}")
			.exchange()).hasStatus(404);
		MvcTestResult attendance = this.mvc.post()
			.uri("/api/meetings/" + shared.id() + "/attendance")
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactIds\":[" + this.germanPerson.id() + "]}")
			.exchange();
		assertThat(attendance).hasStatus(422);
		assertThat(
				this.jdbc.queryForObject("SELECT status FROM invitation WHERE id = ?", String.class, germanInvitation))
			.isEqualTo("INVITED");
		assertThat(this.mvc.post()
			.uri("/api/meetings/" + shared.id() + "/invitations")
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"contactId\":" + this.romanianPerson.id() + ",\"organizationId\":" + this.german.id() + "}")
			.exchange()).hasStatus(422);
	}

	@Test
	void changingACampaignsTargetsKeepsThoseOutOfSightAndItsOwner() {
		CampaignView campaign = campaign(Set.of(this.romanian.id(), this.polish.id(), this.german.id()));
		// the scoped user sees only the Romanian target
		assertThat(body(this.mvc.get().uri("/api/campaigns/" + campaign.id()).with(as(this.romanianStaff)).exchange()))
			.contains("\"targetOrganizationIds\":[" + this.romanian.id() + "]");
		MvcTestResult changed = this.mvc.put()
			.uri("/api/campaigns/" + campaign.id())
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Vara " + this.m + "\",\"startsOn\":\"2026-05-01\",\"targetOrganizationIds\":["
					+ this.otherRomanian.id() + "],\"version\":" + campaign.version() + "}")
			.exchange();
		assertThat(changed).hasStatusOk();
		assertThat(this.jdbc.queryForList("SELECT organization_id FROM campaign_target WHERE campaign_id = ?",
				Long.class, campaign.id()))
			.as("the Romanian target is replaced, the Polish and German ones stay")
			.containsExactlyInAnyOrder(this.otherRomanian.id(), this.polish.id(), this.german.id());
		assertThat(this.jdbc.queryForObject("SELECT owner_id FROM campaign WHERE id = ?", Long.class, campaign.id()))
			.as("an edit without an owner keeps the owner")
			.isEqualTo(this.everywhere.id());
		// naming a target out of sight is naming one that does not exist
		assertThat(this.mvc.put()
			.uri("/api/campaigns/" + campaign.id())
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Vara " + this.m + "\",\"startsOn\":\"2026-05-01\",\"targetOrganizationIds\":["
					+ this.german.id() + "],\"version\":" + (campaign.version() + 1) + "}")
			.exchange()).hasStatus(422);
	}

	@Test
	void deletingACampaignThatReachesAnotherCountryIsRefused() {
		CampaignView germanOnly = campaign(Set.of(this.german.id()));
		MvcTestResult refused = this.mvc.delete()
			.uri("/api/campaigns/" + germanOnly.id())
			.with(as(this.romanianStaff))
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(body(refused)).contains("scope.campaign.shared");
		assertThat(count("SELECT COUNT(*) FROM campaign WHERE id = ?", germanOnly.id())).isEqualTo(1);

		CampaignView romanianOnly = campaign(Set.of(this.romanian.id()));
		assertThat(this.mvc.delete().uri("/api/campaigns/" + romanianOnly.id()).with(as(this.romanianStaff)).exchange())
			.hasStatus(204);
		assertThat(this.mvc.delete().uri("/api/campaigns/" + germanOnly.id()).with(as(this.everywhere)).exchange())
			.hasStatus(204);
	}

	@Test
	void deletingAPersonAlsoLinkedToAnotherCountryIsRefusedAndTheLinksStay() {
		Staff.actAs(this.everywhere);
		this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.german.id(), "Gast", false, null, null, null));
		Staff.logOut();
		MvcTestResult refused = this.mvc.delete()
			.uri("/api/contacts/" + this.romanianPerson.id())
			.with(as(this.romanianAdmin))
			.exchange();
		assertThat(refused).hasStatus(403);
		assertThat(body(refused)).contains("scope.contact.linkedElsewhere");
		assertThat(count("SELECT COUNT(*) FROM affiliation WHERE contact_id = ?", this.romanianPerson.id()))
			.isEqualTo(2);
		// the page says why and keeps the person
		MvcTestResult page = this.mvc.post()
			.uri("/contacts/" + this.romanianPerson.id() + "/delete")
			.with(as(this.romanianAdmin))
			.with(csrf())
			.exchange();
		assertThat(page).hasStatus3xxRedirection();
		assertThat(page).flash().containsEntry("flashError", "scope.contact.linkedElsewhere");
		assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ?", this.romanianPerson.id())).isEqualTo(1);
	}

	@Test
	void changingAnInteractionKeepsThePeopleOutOfSight() {
		Staff.actAs(this.everywhere);
		InteractionView call = this.interactions
			.log(new InteractionRequest(this.romanian.id(), List.of(this.romanianPerson.id(), this.germanPerson.id()),
					InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"), "Europe/Bucharest", Direction.OUTBOUND,
					"Apel " + this.m, null, null, null, null, null, null, null));
		Staff.logOut();
		this.entityManager.flush();
		this.entityManager.clear();
		MvcTestResult changed = this.mvc.put()
			.uri("/api/interactions/" + call.id())
			.with(as(this.romanianStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":" + this.romanian.id() + ",\"contactIds\":[" + this.romanianPerson.id()
					+ "],\"type\":\"CALL\",\"occurredAt\":\"2026-01-10T10:00:00Z\",\"timeZone\":\"Europe/Bucharest\","
					+ "\"direction\":\"OUTBOUND\",\"subject\":\"Apel nou\",\"version\":" + call.version() + "}")
			.exchange();
		assertThat(changed).hasStatusOk();
		this.entityManager.flush();
		assertThat(this.jdbc.queryForList("SELECT contact_id FROM interaction_contact WHERE interaction_id = ?",
				Long.class, call.id()))
			.containsExactlyInAnyOrder(this.romanianPerson.id(), this.germanPerson.id());
	}

	@Test
	void aFilterByARecordOutOfSightAnswersAsForOneThatDoesNotExist() {
		Staff.actAs(this.everywhere);
		// a Romanian person who also works for the German organization: visible through
		// Romania
		this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.german.id(), "Gast", false, null, null, null));
		this.interactions.log(new InteractionRequest(this.romanian.id(), List.of(this.germanPerson.id()),
				InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"), "Europe/Bucharest", Direction.OUTBOUND,
				"Apel " + this.m, null, null, null, null, null, null, null));
		Staff.logOut();
		this.entityManager.flush();
		this.entityManager.clear();
		String byGerman = "/api/contacts?organizationId=" + this.german.id();
		String missing = "/api/contacts?organizationId=" + (this.german.id() + 1_000_000);
		assertThat(body(get(byGerman, this.everywhere))).contains("Pop " + this.m);
		assertThat(body(get(byGerman, this.romanianStaff))).doesNotContain("Pop " + this.m)
			.contains("\"totalElements\":0");
		assertThat(body(get(missing, this.romanianStaff))).contains("\"totalElements\":0");
		// the type and stage of the hidden German organization select nobody
		for (String filter : List.of("type=MEDIA", "q=Pop+" + this.m + "&type=MEDIA")) {
			assertThat(body(get("/api/contacts?" + filter + "&size=200", this.everywhere))).as(filter)
				.contains("Pop " + this.m);
			assertThat(body(get("/api/contacts?" + filter + "&size=200", this.romanianStaff))).as(filter)
				.doesNotContain("Pop " + this.m);
		}
		// the page's filter by type is the same query
		assertThat(body(get("/contacts?type=MEDIA", this.everywhere))).contains("Pop " + this.m);
		assertThat(body(get("/contacts?type=MEDIA", this.romanianStaff))).doesNotContain("Pop " + this.m);
		// interactions of a person out of sight
		String byPerson = "/api/interactions?contactId=" + this.germanPerson.id();
		assertThat(body(get(byPerson, this.everywhere))).contains("Apel " + this.m);
		assertThat(body(get(byPerson, this.romanianStaff))).doesNotContain("Apel " + this.m)
			.contains("\"totalElements\":0");
	}

	private MeetingView meetingWith(OrganizationDetails first, ContactDetails firstPerson, OrganizationDetails second,
			ContactDetails secondPerson) {
		Staff.actAs(this.everywhere);
		MeetingView meeting = this.meetings
			.create(new MeetingRequest("Intalnire " + this.m, null, Instant.parse("2026-03-01T10:00:00Z"),
					Instant.parse("2026-03-01T12:00:00Z"), "Europe/Bucharest", null, null, null, null));
		this.meetings.invite(meeting.id(), new InvitationRequest(firstPerson.id(), first.id(), null));
		if (second != null) {
			this.meetings.invite(meeting.id(), new InvitationRequest(secondPerson.id(), second.id(), null));
		}
		Staff.logOut();
		this.entityManager.flush();
		this.entityManager.clear();
		return meeting;
	}

	private CampaignView campaign(Set<Long> targets) {
		Staff.actAs(this.everywhere);
		CampaignView campaign = this.campaigns.create(new CampaignRequest("Vara " + this.m, null,
				LocalDate.parse("2026-05-01"), null, null, null, targets, null));
		Staff.logOut();
		this.entityManager.flush();
		this.entityManager.clear();
		return campaign;
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return value == null ? 0 : value;
	}

	private MvcTestResult get(String path, UserView as) {
		MvcTestResult result = this.mvc.get().uri(path).with(as(as)).exchange();
		this.entityManager.clear();
		return result;
	}

	private static RequestPostProcessor as(UserView user) {
		return user(user.username()).roles(user.roles().stream().map(Role::name).toArray(String[]::new));
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
