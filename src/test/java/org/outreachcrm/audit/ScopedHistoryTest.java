package org.outreachcrm.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.InvitationView;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * History follows the country scope: a Romanian coordinator reading the history of a
 * Romanian person who also works for a German organization, or of a meeting with German
 * invitations, does not learn the German organization, the role or the invitation; an
 * admin limited to Romania sees in the audit log only what touched records they may see.
 * Not rolled back: Envers writes history when a transaction commits.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ScopedHistoryTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Meetings meetings;

	@Autowired
	RecordHistory history;

	@Autowired
	AuditLog log;

	String m;

	UserView everywhere;

	UserView romanianAdmin;

	OrganizationDetails romanian;

	OrganizationDetails german;

	ContactDetails romanianPerson;

	AffiliationView germanLink;

	MeetingView meeting;

	InvitationView germanInvitation;

	@BeforeEach
	void data() {
		this.m = marker();
		this.everywhere = this.users.create(new NewUser("all" + this.m, "Test-Passw0rd-" + this.m, "All " + this.m,
				null, Set.of(Role.ADMIN), Set.of()));
		this.romanianAdmin = this.users.create(new NewUser("roa" + this.m, "Test-Passw0rd-" + this.m,
				"Ro admin " + this.m, null, Set.of(Role.ADMIN), Set.of("RO")));
		Staff.actAs(this.everywhere);
		this.romanian = this.organizations.create(organization("Asociatia " + this.m, OrganizationType.NGO, "RO"));
		this.german = this.organizations.create(organization("Verein " + this.m, OrganizationType.MEDIA, "DE"));
		this.romanianPerson = this.contacts.create(person("Ioana", "Pop " + this.m, null, "RO"));
		this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.romanian.id(), "Membru" + this.m, true, null, null, null));
		this.germanLink = this.contacts.affiliate(this.romanianPerson.id(),
				new AffiliationRequest(this.german.id(), "Geheimrolle" + this.m, false, null, null, null));
		ContactDetails germanPerson = this.contacts.create(person("Jonas", "Weber " + this.m, null, "DE"));
		this.meeting = this.meetings
			.create(new MeetingRequest("Intalnire " + this.m, null, Instant.parse("2026-03-01T10:00:00Z"),
					Instant.parse("2026-03-01T12:00:00Z"), "Europe/Bucharest", null, null, null, null));
		this.meetings.invite(this.meeting.id(),
				new InvitationRequest(this.romanianPerson.id(), this.romanian.id(), null));
		this.germanInvitation = this.meetings.invite(this.meeting.id(),
				new InvitationRequest(germanPerson.id(), this.german.id(), null));
		Staff.logOut();
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void aPersonsHistoryLeavesOutAffiliationsWithOrganizationsOutOfSight() {
		String path = "/api/contacts/" + this.romanianPerson.id() + "/history";
		assertThat(body(get(path, this.everywhere))).contains("Geheimrolle" + this.m)
			.contains("\"entityId\":" + this.germanLink.id());
		MvcTestResult scoped = get(path, this.romanianAdmin);
		assertThat(scoped).hasStatusOk();
		assertThat(body(scoped)).contains("Membru" + this.m)
			.doesNotContain("Geheimrolle" + this.m)
			.doesNotContain("\"entityId\":" + this.germanLink.id());
		String page = "/contacts/" + this.romanianPerson.id() + "/history";
		assertThat(body(get(page, this.everywhere))).contains("Geheimrolle" + this.m);
		assertThat(body(get(page, this.romanianAdmin))).contains("Membru" + this.m)
			.doesNotContain("Geheimrolle" + this.m);
	}

	@Test
	void aMeetingsHistoryLeavesOutInvitationsOfOrganizationsOutOfSight() {
		Staff.actAs(this.everywhere);
		assertThat(this.history.meeting(this.meeting.id())).extracting(HistoryEntry::entity, HistoryEntry::entityId)
			.contains(tuple(AuditedEntity.INVITATION, this.germanInvitation.id()));
		Staff.actAs(this.romanianAdmin);
		List<HistoryEntry> scoped = this.history.meeting(this.meeting.id());
		assertThat(scoped).extracting(HistoryEntry::entity).contains(AuditedEntity.MEETING, AuditedEntity.INVITATION);
		assertThat(scoped).extracting(HistoryEntry::entity, HistoryEntry::entityId)
			.doesNotContain(tuple(AuditedEntity.INVITATION, this.germanInvitation.id()));
		Staff.logOut();
		assertThat(get("/meetings/" + this.meeting.id() + "/history", this.romanianAdmin)).hasStatusOk();
	}

	@Test
	void theAuditLogOfAnAdminLimitedToSomeCountriesShowsOnlyWhatTouchedRecordsInThem() {
		AuditLogQuery byTheSetup = new AuditLogQuery(this.everywhere.username(), null, null, null);
		Staff.actAs(this.everywhere);
		List<RevisionView.Touched> all = touched(byTheSetup);
		assertThat(all).extracting(RevisionView.Touched::entity, RevisionView.Touched::id)
			.contains(tuple(AuditedEntity.ORGANIZATION, this.german.id()),
					tuple(AuditedEntity.AFFILIATION, this.germanLink.id()),
					tuple(AuditedEntity.INVITATION, this.germanInvitation.id()));
		long allRevisions = this.log.search(byTheSetup, PageRequest.of(0, 100)).getTotalElements();

		Staff.actAs(this.romanianAdmin);
		List<RevisionView.Touched> scoped = touched(byTheSetup);
		assertThat(scoped).extracting(RevisionView.Touched::entity, RevisionView.Touched::id)
			.contains(tuple(AuditedEntity.ORGANIZATION, this.romanian.id()),
					tuple(AuditedEntity.CONTACT, this.romanianPerson.id()))
			.doesNotContain(tuple(AuditedEntity.ORGANIZATION, this.german.id()),
					tuple(AuditedEntity.AFFILIATION, this.germanLink.id()),
					tuple(AuditedEntity.INVITATION, this.germanInvitation.id()));
		// the German organization's and person's revisions are not counted either
		assertThat(this.log.search(byTheSetup, PageRequest.of(0, 100)).getTotalElements()).isEqualTo(allRevisions - 4);
		Staff.logOut();
		MvcTestResult api = get("/api/audit?user=" + this.everywhere.username() + "&size=100", this.romanianAdmin);
		assertThat(api).hasStatusOk();
		assertThat(body(api)).doesNotContain("\"id\":" + this.germanLink.id() + ",");
	}

	private List<RevisionView.Touched> touched(AuditLogQuery query) {
		return this.log.search(query, PageRequest.of(0, 100))
			.getContent()
			.stream()
			.flatMap((revision) -> revision.records().stream())
			.toList();
	}

	private MvcTestResult get(String path, UserView as) {
		return this.mvc.get().uri(path).with(as(as)).exchange();
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
