package org.outreachcrm.audit;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.audit.HistoryEntry.Action;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.InvitationView;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every audited record's create, change and delete leaves a revision with who, when (the
 * application's clock) and from where; the history shows it field by field, imports and
 * their undo included. Not rolled back: Envers writes history when a transaction commits.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AuditHistoryTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordHistory history;

	@Autowired
	AuditLog log;

	@Autowired
	MutableClock clock;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Meetings meetings;

	@Autowired
	UserAccounts users;

	@Autowired
	Imports imports;

	@Autowired
	EntityManagerFactory entityManagers;

	UserView me;

	@BeforeEach
	void logIn() {
		this.me = Staff.create(this.users, Role.ADMIN);
		Staff.actAs(this.me);
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void everyAuditedRecordLeavesRevisionsWithUserTimeAndSource() {
		String m = marker();
		OrganizationDetails org = this.organizations.create(organization("Audit Org " + m, OrganizationType.NGO, "PL"));
		ContactDetails person = this.contacts.create(person("Ada", "Audit " + m, m + "@audit.example.org", "PL"));
		AffiliationView link = this.contacts.affiliate(person.id(),
				new AffiliationRequest(org.id(), "Chair", true, null, null, null));
		this.contacts.updateAffiliation(person.id(), link.id(),
				new AffiliationRequest(org.id(), "Secretary", true, null, null, link.version()));
		InteractionView call = this.interactions.log(new InteractionRequest(org.id(), List.of(person.id()),
				InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"), "Europe/Warsaw", Direction.OUTBOUND,
				"Call " + m, "Summary " + m, null, null, null, Set.of(),
				new FollowUpRequest(LocalDate.of(2026, 2, 1), null, "Send the letter"), null));
		this.interactions.update(call.id(),
				new InteractionRequest(org.id(), List.of(person.id()), InteractionType.CALL,
						Instant.parse("2026-01-10T10:00:00Z"), "Europe/Warsaw", Direction.OUTBOUND, "Call " + m,
						"Changed summary", null, null, null, Set.of(), null, call.version()));
		CampaignView campaign = this.campaigns.create(new CampaignRequest("Campaign " + m, null,
				LocalDate.of(2026, 1, 1), null, null, null, Set.of(org.id()), null));
		this.campaigns.delete(campaign.id(), null);
		MeetingView meeting = this.meetings
			.create(new MeetingRequest("Meeting " + m, null, Instant.parse("2026-03-01T09:00:00Z"),
					Instant.parse("2026-03-01T11:00:00Z"), "UTC", null, null, null, null));
		InvitationView invitation = this.meetings.invite(meeting.id(),
				new InvitationRequest(person.id(), org.id(), null));
		UserView colleague = this.users.create(new NewUser("colleague" + m, "Colleague-Passw0rd-" + m, "Colleague",
				null, Set.of(Role.STAFF), Set.of()));
		this.users.update(colleague.id(),
				new UserChange("Colleague Renamed", null, true, Set.of(Role.STAFF), Set.of(), colleague.version()),
				this.me.username());
		this.organizations.delete(org.id(), null);

		long now = MutableClockConfiguration.DEFAULT_NOW.toEpochMilli();
		assertRevisions("organization_aud", org.id(), 0, 2);
		assertRevisions("contact_aud", person.id(), 0);
		assertRevisions("affiliation_aud", link.id(), 0, 1);
		assertRevisions("interaction_aud", call.id(), 0, 1);
		assertRevisions("campaign_aud", campaign.id(), 0, 2);
		assertRevisions("meeting_aud", meeting.id(), 0);
		assertRevisions("invitation_aud", invitation.id(), 0);
		assertRevisions("app_user_aud", colleague.id(), 0, 1);
		Long followUp = this.jdbc.queryForObject("SELECT id FROM follow_up WHERE interaction_id = ?", Long.class,
				call.id());
		assertRevisions("follow_up_aud", followUp, 0);
		assertBookkeepingAudited("organization_aud", org.id());
		assertBookkeepingAudited("contact_aud", person.id());
		assertBookkeepingAudited("affiliation_aud", link.id());
		assertBookkeepingAudited("interaction_aud", call.id());
		assertBookkeepingAudited("campaign_aud", campaign.id());
		assertBookkeepingAudited("meeting_aud", meeting.id());
		assertBookkeepingAudited("invitation_aud", invitation.id());
		assertBookkeepingAudited("follow_up_aud", followUp);
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT r.revtstmp FROM organization_aud a JOIN audit_revision r ON r.rev = a.rev
				WHERE a.id = ?""", Long.class, org.id())).as("time from the injected clock").containsOnly(now);
		assertThat(this.jdbc.queryForList("SELECT email FROM contact_email_aud WHERE contact_id = ?", String.class,
				person.id()))
			.containsExactly(m + "@audit.example.org");
		assertThat(this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = 'app_user_aud'",
				String.class))
			.as("password hashes are never audited")
			.map(String::toLowerCase)
			.doesNotContain("password_hash")
			.contains("display_name");

		List<HistoryEntry> affiliationHistory = this.history.of(AuditedEntity.AFFILIATION, link.id());
		assertThat(affiliationHistory).extracting(HistoryEntry::action)
			.as("deleted with its organization")
			.containsExactly(Action.DELETED, Action.CHANGED, Action.CREATED);
		assertThat(affiliationHistory.get(1).changes())
			.contains(new HistoryEntry.FieldChange("role", "Chair", "Secretary"));
		assertThat(this.history.of(AuditedEntity.INTERACTION, call.id()).get(0).changes())
			.contains(new HistoryEntry.FieldChange("summary", "Summary " + m, "Changed summary"));
		assertThat(this.history.of(AuditedEntity.ORGANIZATION, org.id()).get(0).action()).isEqualTo(Action.DELETED);
		assertThat(this.jdbc.queryForMap(
				"SELECT name, country, created_by FROM organization_aud WHERE id = ? AND revtype = 2", org.id()))
			.as("a deleted record keeps its last values in its history (store_data_at_delete)")
			.containsEntry("name", "Audit Org " + m)
			.containsEntry("country", "PL")
			.containsEntry("created_by", this.me.username());
		assertThat(this.history.meeting(meeting.id())).extracting(HistoryEntry::entity)
			.contains(AuditedEntity.MEETING, AuditedEntity.INVITATION);
	}

	@Test
	void tellsPagesFromTheApiAndShowsFieldChangesEscapedInTheHistoryTab() {
		String m = marker();
		var created = this.mvc.post()
			.uri("/api/organizations")
			.with(user(this.me.username()).roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Api Org " + m + "\",\"type\":\"NGO\",\"country\":\"RO\",\"city\":\"Cluj\"}")
			.exchange();
		assertThat(created).hasStatus(201);
		long id = this.organizations
			.search(org.outreachcrm.directory.DirectoryQuery.text("Api Org " + m), PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.id();
		OrganizationDetails org = this.organizations.get(id);
		assertThat(this.mvc.post()
			.uri("/organizations/" + id)
			.with(user(this.me.username()).roles("ADMIN"))
			.with(csrf())
			.param("name", "Api Org " + m)
			.param("type", "NGO")
			.param("country", "RO")
			.param("city", "<script>alert(1)</script>")
			.param("version", String.valueOf(org.version()))
			.exchange()).hasStatus(302);

		List<HistoryEntry> entries = this.history.organization(id);
		assertThat(entries).extracting(HistoryEntry::source).containsExactly(ChangeSource.WEB, ChangeSource.API);
		assertThat(entries).extracting(HistoryEntry::user).containsOnly(this.me.username());
		assertThat(entries.get(0).changes())
			.contains(new HistoryEntry.FieldChange("city", "Cluj", "<script>alert(1)</script>"));

		assertThat(this.mvc.get().uri("/organizations/" + id).with(user(this.me.username()).roles("STAFF")).exchange())
			.bodyText()
			.as("the detail page's closed history section loads the fragment below")
			.contains("aria-labelledby=\"history-heading\"")
			.contains("hx-get=\"/organizations/" + id + "/history\"");
		// MockMvc's user() ends the test thread's login with its request
		Staff.actAs(this.me);
		MeetingView meeting = this.meetings
			.create(new MeetingRequest("History link " + m, null, Instant.parse("2026-03-01T09:00:00Z"),
					Instant.parse("2026-03-01T11:00:00Z"), "UTC", null, null, null, null));
		assertThat(this.mvc.get()
			.uri("/meetings/" + meeting.id())
			.with(user(this.me.username()).roles("STAFF"))
			.exchange()).bodyText()
			.contains("aria-labelledby=\"history-heading\"")
			.contains("hx-get=\"/meetings/" + meeting.id() + "/history\"")
			.contains("href=\"/meetings/" + meeting.id() + "/history\"");
		var fragment = this.mvc.get()
			.uri("/organizations/" + id + "/history")
			.header("HX-Request", "true")
			.with(user(this.me.username()).roles("STAFF"))
			.exchange();
		assertThat(fragment).hasStatusOk();
		assertThat(fragment).bodyText()
			.contains("id=\"history\"")
			.doesNotContain("<html")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.contains("Cluj")
			.as("who, by name")
			.contains(this.me.displayName())
			.contains("Web page")
			.contains("API");
		var api = this.mvc.get()
			.uri("/api/organizations/" + id + "/history")
			.with(user(this.me.username()).roles("STAFF"))
			.exchange();
		assertThat(api).hasStatusOk();
		assertThat(api).bodyJson().extractingPath("$[0].source").isEqualTo("WEB");
	}

	@Test
	void theAuditLogNamesRecordsInWordsNeverByABareId() {
		String who = "ids" + marker();
		this.jdbc.update("INSERT INTO audit_revision (revtstmp, username, source) VALUES (?, ?, 'API')",
				MutableClockConfiguration.DEFAULT_NOW.toEpochMilli(), who);
		Long rev = this.jdbc.queryForObject("SELECT MAX(rev) FROM audit_revision WHERE username = ?", Long.class, who);
		this.jdbc.update("INSERT INTO organization_aud (id, rev, revtype, name) VALUES (7654321, ?, 0, ?)", rev,
				"Big Id " + who);
		try {
			var page = this.mvc.get().uri("/admin/audit?user={u}", who).with(user("admin").roles("ADMIN")).exchange();
			assertThat(page).hasStatusOk();
			assertThat(page).bodyText()
				.as("a record that is gone is named as such, never by a bare id")
				.contains("Created the organization (since deleted, or not visible to you)")
				.doesNotContain("7654321")
				.doesNotContain("7,654,321");
		}
		finally {
			this.jdbc.update("DELETE FROM organization_aud WHERE rev = ?", rev);
			this.jdbc.update("DELETE FROM audit_revision WHERE rev = ?", rev);
		}
	}

	@Test
	void auditLogFiltersByUserEntityAndPeriod() throws Exception {
		String m = marker();
		OrganizationDetails org = this.organizations.create(organization("Log Org " + m, OrganizationType.NGO, "PL"));
		ContactDetails person = this.contacts.create(person("Lia", "Log " + m, null, "PL"));
		Instant day = MutableClockConfiguration.DEFAULT_NOW;

		var mine = this.log.search(new AuditLogQuery(this.me.username(), null, null, null), PageRequest.of(0, 10));
		assertThat(mine.getContent()).hasSize(2).allSatisfy((r) -> assertThat(r.user()).isEqualTo(this.me.username()));
		var contactsOnly = this.log.search(new AuditLogQuery(this.me.username(), AuditedEntity.CONTACT, null, null),
				PageRequest.of(0, 10));
		assertThat(contactsOnly.getContent()).singleElement()
			.satisfies((r) -> assertThat(r.records())
				.containsExactly(new RevisionView.Touched(AuditedEntity.CONTACT, person.id(), Action.CREATED)));
		assertThat(this.log.search(new AuditLogQuery(this.me.username(), null, day.plusSeconds(1), null),
				PageRequest.of(0, 10)))
			.as("later period")
			.isEmpty();
		assertThat(this.log.search(new AuditLogQuery(this.me.username(), null, day.minusSeconds(1), day.plusSeconds(1)),
				PageRequest.of(0, 10)))
			.hasSize(2);

		var page = this.mvc.get()
			.uri("/admin/audit?user={u}&entity=organization", this.me.username())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Created the organization “Log Org " + m + "”")
			.contains("href=\"/organizations/" + org.id() + "\"")
			.doesNotContain("Created the person");
		String html = page.getResponse().getContentAsString();
		assertThat(navLink(html, "/admin/audit")).as("the menu marks the audit log").contains("aria-current=\"page\"");
		assertThat(navLink(html, "/admin/users")).as("not the users, another /admin page")
			.doesNotContain("aria-current");
		var api = this.mvc.get()
			.uri("/api/audit?user={u}&entity=contact", this.me.username())
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(api).hasStatusOk();
		assertThat(api).bodyJson().extractingPath("$.page.totalElements").isEqualTo(1);
		assertThat(api).bodyJson().extractingPath("$.content[0].records[0].id").isEqualTo((int) person.id());
	}

	@Test
	void consentWithdrawalIsOneClickAndRecorded() {
		String m = marker();
		ContactDetails person = this.contacts.create(person("Cora", "Consent " + m, null, "RO"));

		var withdrawn = this.mvc.post()
			.uri("/contacts/" + person.id() + "/consent/withdraw")
			.header("HX-Request", "true")
			.with(user(this.me.username()).roles("STAFF"))
			.with(csrf())
			.exchange();
		assertThat(withdrawn).hasStatusOk();
		assertThat(withdrawn).bodyText().contains("id=\"consent\"").contains("Withdrawn");

		assertThat(this.contacts.get(person.id()).consent().status())
			.isEqualTo(org.outreachcrm.directory.ConsentStatus.WITHDRAWN);
		HistoryEntry latest = this.history.contact(person.id()).get(0);
		assertThat(latest.source()).isEqualTo(ChangeSource.WEB);
		assertThat(latest.changes()).contains(new HistoryEntry.FieldChange("consent_status", null, "WITHDRAWN"),
				new HistoryEntry.FieldChange("consent_date", null, "2026-01-15"));
		assertThat(this.mvc.post()
			.uri("/contacts/" + person.id() + "/consent/withdraw")
			.with(user(this.me.username()).roles("STAFF"))
			.exchange()).as("CSRF").hasStatus(403);
	}

	@Test
	void importAndUndoAppearInTheOrganizationsHistory() throws Exception {
		String m = marker();
		ImportView submitted = this.imports.submit(new ByteArrayInputStream(PartnerListFiles.polishList(m)),
				"partnerzy.xlsx", ImportOptions.defaults(), "API", "admin");
		ImportView run = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(submitted.id()), ImportView::finished);
		long orgId = this.organizations
			.search(org.outreachcrm.directory.DirectoryQuery.text("kolektyw " + m), PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.id();

		List<HistoryEntry> afterImport = this.history.organization(orgId);
		assertThat(afterImport).first().satisfies((e) -> {
			assertThat(e.source()).isEqualTo(ChangeSource.IMPORT);
			assertThat(e.sourceRef()).isEqualTo(String.valueOf(run.id()));
			assertThat(e.user()).isEqualTo("admin");
			assertThat(e.action()).isEqualTo(Action.CREATED);
		});
		assertThat(this.mvc.get()
			.uri("/organizations/" + orgId + "/history")
			.header("HX-Request", "true")
			.with(user("admin").roles("ADMIN"))
			.exchange()).bodyText()
			.contains("Import #" + run.id())
			.contains(this.users.findByUsername("admin").orElseThrow().displayName() + " created the organization");

		this.imports.undo(run.id(), "admin");

		List<HistoryEntry> afterUndo = this.history.organization(orgId);
		assertThat(afterUndo).first().satisfies((e) -> {
			assertThat(e.source()).isEqualTo(ChangeSource.IMPORT_UNDO);
			assertThat(e.action()).isEqualTo(Action.DELETED);
		});
		assertThat(this.mvc.get()
			.uri("/organizations/" + orgId + "/history")
			.header("HX-Request", "true")
			.with(user("admin").roles("ADMIN"))
			.exchange()).bodyText().contains("Undo of import #" + run.id());
	}

	@Test
	void finishedImportsAndUndosAreMergedIntoTheGlobalLogInTimeOrder() throws Exception {
		String m = marker();
		String who = this.me.username();
		Instant t0 = MutableClockConfiguration.DEFAULT_NOW.plus(Duration.ofDays(3));
		try {
			this.clock.set(t0);
			OrganizationDetails before = this.organizations
				.create(organization("Before Import " + m, OrganizationType.NGO, "PL"));
			this.clock.set(t0.plusSeconds(60));
			ImportView submitted = this.imports.submit(new ByteArrayInputStream(PartnerListFiles.polishList(m)),
					"log-" + m + ".xlsx", ImportOptions.defaults(), "API", who);
			ImportView run = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.imports.get(submitted.id()), ImportView::finished);
			this.clock.set(t0.plusSeconds(120));
			this.imports.undo(run.id(), who);
			this.clock.set(t0.plusSeconds(180));
			ContactDetails after = this.contacts.create(person("Post", "Import " + m, null, "PL"));

			var first = this.log.search(new AuditLogQuery(who, null, null, null), PageRequest.of(0, 2));
			var second = this.log.search(new AuditLogQuery(who, null, null, null), PageRequest.of(1, 2));
			assertThat(first.getTotalElements()).isEqualTo(4);
			assertThat(first.getContent()).extracting(RevisionView::source, RevisionView::at)
				.containsExactly(tuple(ChangeSource.SYSTEM, t0.plusSeconds(180)),
						tuple(ChangeSource.IMPORT_UNDO, t0.plusSeconds(120)));
			assertThat(second.getContent()).extracting(RevisionView::source, RevisionView::at)
				.containsExactly(tuple(ChangeSource.IMPORT, t0.plusSeconds(60)), tuple(ChangeSource.SYSTEM, t0));
			assertThat(first.getContent().get(0).records()).extracting(RevisionView.Touched::id)
				.containsExactly(after.id());
			assertThat(second.getContent().get(1).records()).extracting(RevisionView.Touched::id)
				.containsExactly(before.id());
			RevisionView imported = second.getContent().get(0);
			assertThat(imported.revision()).isNull();
			assertThat(imported.user()).isEqualTo(who);
			assertThat(imported.sourceRef()).isEqualTo(String.valueOf(run.id()));
			assertThat(imported.summary()).isNotNull().satisfies((summary) -> {
				assertThat(summary.title()).isEqualTo("log-" + m + ".xlsx");
				assertThat(summary.counts()).containsEntry("rowsImported", run.rowsImported())
					.containsEntry("organizationsCreated", run.organizationsCreated());
			});

			assertThat(this.log.search(new AuditLogQuery(who, AuditedEntity.ORGANIZATION, null, null),
					PageRequest.of(0, 10)))
				.extracting(RevisionView::source)
				.containsExactly(ChangeSource.IMPORT_UNDO, ChangeSource.IMPORT, ChangeSource.SYSTEM);
			assertThat(this.log.search(new AuditLogQuery(who, AuditedEntity.INTERACTION, null, null),
					PageRequest.of(0, 10)))
				.as("imports write no interactions")
				.isEmpty();
			assertThat(this.log.search(new AuditLogQuery(who, null, t0.plusSeconds(90), t0.plusSeconds(150)),
					PageRequest.of(0, 10)))
				.extracting(RevisionView::source)
				.containsExactly(ChangeSource.IMPORT_UNDO);

			var page = this.mvc.get().uri("/admin/audit?user={u}", who).with(user("admin").roles("ADMIN")).exchange();
			assertThat(page).hasStatusOk();
			assertThat(page).bodyText()
				.contains("Import #" + run.id())
				.contains("Undo of import #" + run.id())
				.contains("href=\"/imports/" + run.id() + "\"")
				.contains("log-" + m + ".xlsx")
				.contains(run.rowsImported() + " rows imported");
			var api = this.mvc.get()
				.uri("/api/audit?user={u}&size=2&page=1", who)
				.with(user("admin").roles("ADMIN"))
				.exchange();
			assertThat(api).hasStatusOk();
			assertThat(api).bodyJson().extractingPath("$.content[0].source").isEqualTo("IMPORT");
			assertThat(api).bodyJson().extractingPath("$.content[0].summary.title").isEqualTo("log-" + m + ".xlsx");
		}
		finally {
			this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
		}
	}

	@Test
	void trackedEntitiesThatAreNotAuditedStayWithoutHistory() {
		try (EntityManager em = this.entityManagers.createEntityManager()) {
			AuditReader reader = AuditReaderFactory.get(em);
			assertThat(reader.isEntityNameAudited("org.outreachcrm.directory.Organization")).isTrue();
			assertThat(reader.isEntityNameAudited("org.outreachcrm.reports.ReportSchedule"))
				.as("a TrackedEntity without @Audited of its own")
				.isFalse();
		}
		assertThat(this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) = 'report_schedule_aud'",
				String.class))
			.isEmpty();
	}

	/**
	 * The bookkeeping columns inherited from {@code TrackedEntity} are in every revision;
	 * the version is not (Envers leaves optimistic locking fields out of history). Rows
	 * of deletions are left out here: they hold the last values (asserted on their own),
	 * whose updated_by is the last editor, not the deleter.
	 */
	private void assertBookkeepingAudited(String table, long id) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT created_at, created_by, updated_at, updated_by FROM " + table
					+ " WHERE id = ? AND revtype <> 2 ORDER BY rev", id);
		assertThat(rows).as(table + " " + id).isNotEmpty().allSatisfy((r) -> {
			assertThat(r.get("created_by")).as(table + ".created_by").isEqualTo(this.me.username());
			assertThat(r.get("updated_by")).as(table + ".updated_by").isEqualTo(this.me.username());
			assertThat(r.get("created_at")).as(table + ".created_at").isNotNull();
			assertThat(r.get("updated_at")).as(table + ".updated_at").isNotNull();
		});
		assertThat(this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = ?", String.class, table))
			.map(String::toLowerCase)
			.contains("created_at", "created_by", "updated_at", "updated_by")
			.doesNotContain("version");
	}

	private void assertRevisions(String table, long id, int... types) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT a.revtype, r.username, r.source FROM " + table
				+ " a JOIN audit_revision r ON r.rev = a.rev WHERE a.id = ? ORDER BY a.rev", id);
		assertThat(rows).as(table + " " + id).hasSizeGreaterThanOrEqualTo(types.length);
		assertThat(rows.stream().map((r) -> ((Number) r.get("revtype")).intValue()).toList()).as(table)
			.containsSubsequence(java.util.Arrays.stream(types).boxed().toArray(Integer[]::new));
		assertThat(rows).as(table).allSatisfy((r) -> {
			assertThat(r.get("username")).isEqualTo(this.me.username());
			assertThat(r.get("source")).isEqualTo("SYSTEM");
		});
	}

	/**
	 * The menu's entry for {@code path} (its opening tag): the item in its group's menu,
	 * not the group's own button, which links to the group's first page.
	 */
	private static String navLink(String html, String path) {
		Matcher link = Pattern.compile("<a [^>]*href=\"" + Pattern.quote(path) + "\"[^>]*>").matcher(html);
		while (link.find()) {
			if (link.group().contains("dropdown-item")) {
				return link.group();
			}
		}
		throw new AssertionError("no menu link to " + path);
	}

}
