package org.outreachcrm.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.ConflictException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.SearchIndexCheck;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * A merge moves every kind of row of the merged record to the kept one (the other
 * modules' rows through their listeners), loses nothing, and an undo puts back exactly
 * what was there.
 */
@DatabaseTest
@SpringBootTest
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class RecordMergingTest {

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	RecordMerging merging;

	@Autowired
	MergeLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CurrentScope scope;

	@Autowired
	SearchIndex index;

	@Autowired
	NamedParameterJdbcTemplate named;

	@BeforeEach
	void olgaHasAnAccountWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
	}

	@Test
	void mergingAnOrganizationMovesEveryKindOfRowAndUndoPutsThemBack() {
		String m = marker();
		OrganizationDetails kept = this.organizations
			.create(withTags(organization("Związek Nauczycieli " + m, OrganizationType.TRADE_UNION, "PL"), "teachers"));
		OrganizationDetails merged = this.organizations
			.create(new OrganizationRequest("Zwiazek Nauczycieli " + m, OrganizationType.TRADE_UNION, "PL", "Kraków",
					null, null, null, List.of(), null, null, null, Set.of("education"), null));
		ContactDetails both = this.contacts.create(person("Anna", "Nowak " + m, null, "PL"));
		ContactDetails onlyMerged = this.contacts.create(person("Jan", "Kowal " + m, null, "PL"));
		this.contacts.affiliate(both.id(), new AffiliationRequest(kept.id(), "Chair", true, null, null, null));
		long folded = this.contacts
			.affiliate(both.id(), new AffiliationRequest(merged.id(), "Chair", false, null, null, null))
			.id();
		long moved = this.contacts
			.affiliate(onlyMerged.id(), new AffiliationRequest(merged.id(), "Member", true, null, null, null))
			.id();
		long interaction = interaction(merged.id(), onlyMerged.id());
		long followUp = insert("INSERT INTO follow_up (interaction_id, organization_id, country, due_on, assignee_id,"
				+ " created_at, updated_at, version) VALUES (" + interaction + ", " + merged.id()
				+ ", 'PL', DATE '2027-01-10', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
		long stageChange = insert("INSERT INTO stage_change (organization_id, from_stage, to_stage, changed_by,"
				+ " changed_at) VALUES (" + merged.id() + ", NULL, 'PROSPECT', 'olga', CURRENT_TIMESTAMP)");
		long campaign = campaign("Spring " + m);
		long sharedCampaign = campaign("Autumn " + m);
		this.jdbc.update("INSERT INTO campaign_target (campaign_id, organization_id) VALUES (?, ?), (?, ?), (?, ?)",
				campaign, merged.id(), sharedCampaign, merged.id(), sharedCampaign, kept.id());
		long meeting = insert("INSERT INTO meeting (title, starts_at, ends_at, time_zone, organizer_id, created_at,"
				+ " updated_at, version) VALUES ('Coordination " + m + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
				+ " 'Europe/Warsaw', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
		long invitation = insert("INSERT INTO invitation (meeting_id, contact_id, organization_id, status, created_at,"
				+ " updated_at, version) VALUES (" + meeting + ", " + onlyMerged.id() + ", " + merged.id()
				+ ", 'ATTENDED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
		this.jdbc.update(
				"INSERT INTO meeting_interaction (meeting_id, organization_id, interaction_id) VALUES (?, ?, ?)",
				meeting, merged.id(), interaction);
		long importRun = importChange("ORGANIZATION", merged.id(), "city");

		OrganizationDetails result = this.merging.mergeOrganizations(kept.id(),
				new MergeRequest(merged.id(), Map.of("city", MergeChoice.MERGED), kept.version()));
		indexConsistent(List.of(both.id(), onlyMerged.id()), List.of(kept.id(), merged.id()));

		assertThat(result.id()).isEqualTo(kept.id());
		assertThat(result.name()).isEqualTo(kept.name());
		assertThat(result.city()).isEqualTo("Kraków");
		assertThat(result.tags()).containsExactlyInAnyOrder("teachers", "education");
		assertThat(this.organizations.exists(merged.id())).isFalse();
		assertThatThrownBy(() -> this.organizations.get(merged.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.ledger.mergedInto(MergeKind.ORGANIZATION, merged.id())).contains(kept.id());
		// one current affiliation of Anna with the kept organization, Jan's moved
		assertThat(organizationOf("affiliation", moved)).isEqualTo(kept.id());
		assertThat(count("SELECT COUNT(*) FROM affiliation WHERE id = " + folded)).isZero();
		assertThat(count("SELECT COUNT(*) FROM affiliation WHERE contact_id = " + both.id())).isEqualTo(1);
		assertThat(organizationOf("interaction", interaction)).isEqualTo(kept.id());
		assertThat(organizationOf("follow_up", followUp)).isEqualTo(kept.id());
		assertThat(organizationOf("stage_change", stageChange)).isEqualTo(kept.id());
		assertThat(organizationOf("invitation", invitation)).isEqualTo(kept.id());
		assertThat(count("SELECT COUNT(*) FROM interaction_contact WHERE interaction_id = " + interaction
				+ " AND contact_id = " + onlyMerged.id()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT organization_id FROM campaign_target WHERE campaign_id IN (?, ?)",
				Long.class, campaign, sharedCampaign))
			.containsOnly(kept.id())
			.hasSize(2);
		assertThat(this.jdbc.queryForObject("SELECT organization_id FROM meeting_interaction WHERE meeting_id = ?",
				Long.class, meeting))
			.isEqualTo(kept.id());
		assertThat(this.jdbc.queryForObject("SELECT record_id FROM import_change WHERE import_id = ?", Long.class,
				importRun))
			.isEqualTo(kept.id());
		assertThat(this.organizations.search(DirectoryQuery.text("Zwiazek Nauczycieli " + m),
				org.springframework.data.domain.PageRequest.of(0, 5)))
			.extracting(OrganizationSummary::id)
			.containsExactly(kept.id());

		long mergeId = mergeOf(kept.id());
		this.merging.undo(mergeId);
		indexConsistent(List.of(both.id(), onlyMerged.id()), List.of(kept.id(), merged.id()));

		OrganizationDetails restored = this.organizations.get(merged.id());
		assertThat(restored.name()).isEqualTo(merged.name());
		assertThat(restored.city()).isEqualTo("Kraków");
		assertThat(restored.tags()).containsExactly("education");
		OrganizationDetails keptAgain = this.organizations.get(kept.id());
		assertThat(keptAgain.city()).isEqualTo(kept.city());
		assertThat(keptAgain.tags()).containsExactly("teachers");
		assertThat(this.ledger.mergedInto(MergeKind.ORGANIZATION, merged.id())).isEmpty();
		assertThat(organizationOf("affiliation", moved)).isEqualTo(merged.id());
		assertThat(organizationOf("affiliation", folded)).isEqualTo(merged.id());
		assertThat(organizationOf("interaction", interaction)).isEqualTo(merged.id());
		assertThat(organizationOf("follow_up", followUp)).isEqualTo(merged.id());
		assertThat(organizationOf("stage_change", stageChange)).isEqualTo(merged.id());
		assertThat(organizationOf("invitation", invitation)).isEqualTo(merged.id());
		assertThat(this.jdbc.queryForList(
				"SELECT organization_id FROM campaign_target WHERE campaign_id = ? ORDER BY organization_id",
				Long.class, sharedCampaign))
			.containsExactlyInAnyOrder(kept.id(), merged.id());
		assertThat(this.jdbc.queryForObject("SELECT organization_id FROM campaign_target WHERE campaign_id = ?",
				Long.class, campaign))
			.isEqualTo(merged.id());
		assertThat(this.jdbc.queryForObject("SELECT organization_id FROM meeting_interaction WHERE meeting_id = ?",
				Long.class, meeting))
			.isEqualTo(merged.id());
		assertThat(this.jdbc.queryForObject("SELECT record_id FROM import_change WHERE import_id = ?", Long.class,
				importRun))
			.isEqualTo(merged.id());
		assertThatThrownBy(() -> this.merging.undo(mergeId)).isInstanceOf(ConflictException.class);
	}

	@Test
	void mergingAPersonKeepsAWithdrawalOneCurrentAffiliationAndEveryAddress() {
		String m = marker();
		OrganizationDetails union = this.organizations
			.create(organization("Sindicatul " + m, OrganizationType.TRADE_UNION, "RO"));
		OrganizationDetails other = this.organizations
			.create(organization("Asociația " + m, OrganizationType.NGO, "RO"));
		ContactDetails kept = this.contacts.create(person("Ioana", "Pop " + m, "ioana." + m + "@a.ro", "RO"));
		ContactDetails merged = this.contacts
			.create(new ContactRequest("Ioana", "Popescu " + m, null, List.of("ipop." + m + "@b.ro"),
					List.of("+40721123456"), "ro", "RO", "Met in Cluj", Set.of("climate"), null));
		this.contacts.affiliate(kept.id(), new AffiliationRequest(union.id(), "Member", true, null, null, null));
		this.contacts.affiliate(merged.id(), new AffiliationRequest(union.id(), "Member", true, null, null, null));
		long past = this.contacts
			.affiliate(merged.id(),
					new AffiliationRequest(other.id(), "Volunteer", false, LocalDate.of(2020, 1, 1),
							LocalDate.of(2021, 1, 1), null))
			.id();
		ContactDetails keptNow = this.contacts.updateConsent(kept.id(), new ConsentRequest(ConsentStatus.GIVEN,
				LocalDate.of(2026, 3, 1), ConsentSource.FORM, null, null, this.contacts.get(kept.id()).version()));
		this.contacts.withdrawConsent(merged.id());
		long shared = interaction(union.id(), kept.id());
		this.jdbc.update("INSERT INTO interaction_contact (interaction_id, contact_id) VALUES (?, ?)", shared,
				merged.id());
		long own = interaction(union.id(), merged.id());
		long meeting = insert("INSERT INTO meeting (title, starts_at, ends_at, time_zone, organizer_id, created_at,"
				+ " updated_at, version) VALUES ('Forum " + m + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
				+ " 'Europe/Bucharest', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
		long keptInvitation = invitation(meeting, kept.id(), union.id(), "INVITED");
		long mergedInvitation = invitation(meeting, merged.id(), union.id(), "ATTENDED");

		ContactDetails result = this.merging.mergeContacts(kept.id(), new MergeRequest(merged.id(),
				Map.of("familyName", MergeChoice.MERGED, "notes", MergeChoice.MERGED), keptNow.version()));
		indexConsistent(List.of(kept.id(), merged.id()), List.of(union.id(), other.id()));

		assertThat(result.familyName()).isEqualTo("Popescu " + m);
		assertThat(result.displayName()).isEqualTo(kept.displayName());
		assertThat(result.notes()).isEqualTo("Met in Cluj");
		assertThat(result.emails()).containsExactly("ioana." + m + "@a.ro", "ipop." + m + "@b.ro");
		assertThat(result.phones()).containsExactly("+40721123456");
		assertThat(result.tags()).containsExactly("climate");
		assertThat(result.consent().status()).isEqualTo(ConsentStatus.WITHDRAWN);
		// the two current links with the union became one, the past one moved, one
		// primary
		assertThat(result.affiliations()).extracting(AffiliationView::organizationId)
			.containsExactlyInAnyOrder(union.id(), other.id());
		assertThat(result.affiliations()).filteredOn(AffiliationView::primary).hasSize(1);
		assertThat(result.affiliations()).extracting(AffiliationView::id).contains(past);
		assertThat(this.jdbc.queryForList("SELECT contact_id FROM interaction_contact WHERE interaction_id = ?",
				Long.class, shared))
			.containsExactly(kept.id());
		assertThat(this.jdbc.queryForList("SELECT contact_id FROM interaction_contact WHERE interaction_id = ?",
				Long.class, own))
			.containsExactly(kept.id());
		assertThat(count("SELECT COUNT(*) FROM invitation WHERE id = " + mergedInvitation)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT status FROM invitation WHERE id = ?", String.class, keptInvitation))
			.isEqualTo("ATTENDED");

		this.merging.undo(mergeOf(kept.id()));
		indexConsistent(List.of(kept.id(), merged.id()), List.of(union.id(), other.id()));

		ContactDetails keptAgain = this.contacts.get(kept.id());
		ContactDetails back = this.contacts.get(merged.id());
		assertThat(keptAgain.familyName()).isEqualTo("Pop " + m);
		assertThat(keptAgain.emails()).containsExactly("ioana." + m + "@a.ro");
		assertThat(keptAgain.consent().status()).isEqualTo(ConsentStatus.GIVEN);
		assertThat(keptAgain.affiliations()).hasSize(1);
		assertThat(back.emails()).containsExactly("ipop." + m + "@b.ro");
		assertThat(back.consent().status()).isEqualTo(ConsentStatus.WITHDRAWN);
		assertThat(back.affiliations()).hasSize(2);
		assertThat(back.affiliations()).filteredOn(AffiliationView::primary).hasSize(1);
		assertThat(this.jdbc.queryForList("SELECT contact_id FROM interaction_contact WHERE interaction_id = ?",
				Long.class, shared))
			.containsExactlyInAnyOrder(kept.id(), merged.id());
		assertThat(this.jdbc.queryForList("SELECT contact_id FROM interaction_contact WHERE interaction_id = ?",
				Long.class, own))
			.containsExactly(merged.id());
		assertThat(this.jdbc.queryForObject("SELECT status FROM invitation WHERE id = ?", String.class, keptInvitation))
			.isEqualTo("INVITED");
		assertThat(this.jdbc.queryForObject("SELECT contact_id FROM invitation WHERE id = ?", Long.class,
				mergedInvitation))
			.isEqualTo(merged.id());
	}

	@Test
	void refusesAStaleVersionAnUnknownFieldAndARecordMergedIntoItself() {
		String m = marker();
		OrganizationDetails kept = this.organizations.create(organization("Alfa " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails merged = this.organizations.create(organization("Alpha " + m, OrganizationType.NGO, "PL"));

		assertThatThrownBy(() -> this.merging.mergeOrganizations(kept.id(),
				new MergeRequest(merged.id(), Map.of(), kept.version() + 1)))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> this.merging.mergeOrganizations(kept.id(),
				new MergeRequest(merged.id(), Map.of("name_key", MergeChoice.MERGED), kept.version())))
			.hasMessageContaining("name_key");
		assertThatThrownBy(
				() -> this.merging.mergeOrganizations(kept.id(), new MergeRequest(kept.id(), Map.of(), kept.version())))
			.hasMessageContaining("itself");
		assertThat(this.organizations.exists(merged.id())).isTrue();
	}

	@Test
	void nobodyMergesARecordTheyCannotSeeNorAcrossCountriesOutsideTheirScope() {
		String m = marker();
		OrganizationDetails polish = this.organizations.create(organization("Beta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails german = this.organizations.create(organization("Beta " + m, OrganizationType.NGO, "DE"));
		OrganizationDetails romanian = this.organizations.create(organization("Beta " + m, OrganizationType.NGO, "RO"));

		this.scope.runAs(CountryScope.of(List.of("PL", "RO")), () -> {
			assertThatThrownBy(() -> this.merging.mergeOrganizations(polish.id(),
					new MergeRequest(german.id(), Map.of(), polish.version())))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> this.merging.mergeOrganizations(german.id(),
					new MergeRequest(polish.id(), Map.of(), german.version())))
				.isInstanceOf(NotFoundException.class);
		});
		this.scope.runAs(CountryScope.of(List.of("PL")), () -> {
			// a person in Poland sees the Polish one; the Romanian one is out of sight
			assertThatThrownBy(() -> this.merging.mergeOrganizations(polish.id(),
					new MergeRequest(romanian.id(), Map.of(), polish.version())))
				.isInstanceOf(NotFoundException.class);
		});
		assertThat(this.organizations.exists(german.id())).isTrue();
		assertThat(this.organizations.exists(romanian.id())).isTrue();
		// with both in scope the merge across countries goes through
		this.scope.runAs(CountryScope.of(List.of("PL", "RO")), () -> this.merging.mergeOrganizations(polish.id(),
				new MergeRequest(romanian.id(), Map.of(), polish.version())));
		assertThat(this.organizations.exists(romanian.id())).isFalse();
	}

	@Test
	void undoIsRefusedWhenTheKeptRecordChangedOrAMovedRowWasDeletedSince() {
		String m = marker();
		OrganizationDetails kept = this.organizations.create(organization("Gamma " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails merged = this.organizations.create(organization("Gama " + m, OrganizationType.NGO, "PL"));
		long interaction = interaction(merged.id(), null);
		OrganizationDetails after = this.merging.mergeOrganizations(kept.id(),
				new MergeRequest(merged.id(), Map.of(), kept.version()));
		long mergeId = mergeOf(kept.id());

		this.jdbc.update("DELETE FROM interaction WHERE id = ?", interaction);
		assertThatThrownBy(() -> this.merging.undo(mergeId)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "merge.undo.gone.INTERACTION");

		this.organizations.update(kept.id(), new OrganizationRequest("Gamma " + m + " renamed", OrganizationType.NGO,
				"PL", null, null, null, null, List.of(), null, null, null, Set.of(), after.version()));
		assertThatThrownBy(() -> this.merging.undo(mergeId)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "merge.undo.keptChanged");
		assertThat(this.merging.merge(mergeId).undone()).isFalse();
	}

	@Test
	void undoIsRefusedWhileTheKeptRecordIsMergedAwayItself() {
		String m = marker();
		OrganizationDetails first = this.organizations.create(organization("Delta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails second = this.organizations.create(organization("Delta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails third = this.organizations.create(organization("Delta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails afterFirst = this.merging.mergeOrganizations(second.id(),
				new MergeRequest(first.id(), Map.of(), second.version()));
		long firstMerge = mergeOf(second.id());
		this.merging.mergeOrganizations(third.id(), new MergeRequest(second.id(), Map.of(), third.version()));

		assertThat(this.ledger.mergedInto(MergeKind.ORGANIZATION, first.id())).contains(third.id());
		assertThatThrownBy(() -> this.merging.undo(firstMerge)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "merge.undo.keptMerged")
			// the message names the record to look at, not its id
			.satisfies((ex) -> assertThat(((ConflictException) ex).arguments()).containsExactly("Delta " + m));
		assertThat(afterFirst.id()).isEqualTo(second.id());
	}

	@Test
	void theKeptOrganizationsActivityTakesTheEarlierStartAndTheLaterContactAndUndoRestoresBoth() {
		String m = marker();
		OrganizationDetails kept = this.organizations.create(organization("Eta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails merged = this.organizations.create(organization("Eta " + m, OrganizationType.NGO, "PL"));
		activity(kept.id(), "2025-01-01 00:00:00", null);
		activity(merged.id(), "2024-01-01 00:00:00", "2026-05-01 10:00:00");

		this.merging.mergeOrganizations(kept.id(), new MergeRequest(merged.id(), Map.of(), kept.version()));

		assertThat(activityOf(kept.id())).containsExactly("2024-01-01", "2026-05-01");
		assertThat(count("SELECT COUNT(*) FROM outreach_organization WHERE organization_id = " + merged.id())).isZero();

		this.merging.undo(mergeOf(kept.id()));

		assertThat(activityOf(kept.id())).containsExactly("2025-01-01", null);
		assertThat(activityOf(merged.id())).containsExactly("2024-01-01", "2026-05-01");
	}

	@Test
	void aKeptOrganizationWithoutActivityTakesTheMergedOnes() {
		String m = marker();
		OrganizationDetails kept = this.organizations.create(organization("Theta " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails merged = this.organizations.create(organization("Theta " + m, OrganizationType.NGO, "PL"));
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id = ?", kept.id());
		activity(merged.id(), "2024-01-01 00:00:00", "2026-05-01 10:00:00");

		this.merging.mergeOrganizations(kept.id(), new MergeRequest(merged.id(), Map.of(), kept.version()));

		assertThat(activityOf(kept.id())).containsExactly("2024-01-01", "2026-05-01");
	}

	private void activity(long organization, String knownSince, String last) {
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id = ?", organization);
		this.jdbc.update(
				"INSERT INTO outreach_organization (organization_id, known_since, last_interaction_at) VALUES (?, ?, ?)",
				organization, Timestamp.valueOf(knownSince), last == null ? null : Timestamp.valueOf(last));
	}

	private List<String> activityOf(long organization) {
		return this.jdbc
			.query("SELECT known_since, last_interaction_at FROM outreach_organization WHERE organization_id = ?",
					(rs, n) -> java.util.Arrays.asList(rs.getTimestamp(1).toLocalDateTime().toLocalDate().toString(),
							rs.getTimestamp(2) == null ? null
									: rs.getTimestamp(2).toLocalDateTime().toLocalDate().toString()),
					organization)
			.get(0);
	}

	private static OrganizationRequest withTags(OrganizationRequest request, String tag) {
		return new OrganizationRequest(request.name(), request.type(), request.country(), "Warszawa", request.website(),
				request.email(), request.phone(), request.languages(), request.description(), request.stage(),
				request.ownerId(), Set.of(tag), null);
	}

	private long mergeOf(long keptId) {
		return this.jdbc.queryForObject("SELECT MAX(id) FROM record_merge WHERE kept_id = ?", Long.class, keptId);
	}

	private long organizationOf(String table, long id) {
		return this.jdbc.queryForObject("SELECT organization_id FROM " + table + " WHERE id = ?", Long.class, id);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private long interaction(long organizationId, Long contactId) {
		long id = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		this.jdbc.update("INSERT INTO interaction (id, organization_id, country, type, occurred_at, time_zone,"
				+ " direction, subject, staff_id, created_at, updated_at, version) VALUES (?, ?, 'PL', 'CALL', ?,"
				+ " 'Europe/Warsaw', 'OUTBOUND', 'Call', 1, ?, ?, 0)", id, organizationId,
				Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		if (contactId != null) {
			this.jdbc.update("INSERT INTO interaction_contact (interaction_id, contact_id) VALUES (?, ?)", id,
					contactId);
		}
		return id;
	}

	private long invitation(long meeting, long contact, long organization, String status) {
		return insert("INSERT INTO invitation (meeting_id, contact_id, organization_id, status, created_at,"
				+ " updated_at, version) VALUES (" + meeting + ", " + contact + ", " + organization + ", '" + status
				+ "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
	}

	private long campaign(String name) {
		return insert("INSERT INTO campaign (name, starts_on, owner_id, status, created_at, updated_at, version)"
				+ " VALUES ('" + name + "', DATE '2026-01-01', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
	}

	private long importChange(String kind, long recordId, String field) {
		long run = insert("INSERT INTO import_run (file_name, stored_file, source, mode, dry_run, date_order, status,"
				+ " rows_read, rows_imported, rows_rejected, rows_skipped, warnings, organizations_created,"
				+ " organizations_updated, contacts_created, contacts_updated, affiliations_created, created_by,"
				+ " created_at, version) VALUES ('list.xlsx', 'x', 'UPLOAD', 'UPSERT', FALSE, 'DMY', 'COMPLETED',"
				+ " 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 'olga', CURRENT_TIMESTAMP, 0)");
		this.jdbc.update("INSERT INTO import_change (import_id, seq, kind, record_id, field, old_value, new_value)"
				+ " VALUES (?, 1, ?, ?, ?, 'Warszawa', 'Kraków')", run, kind, recordId, field);
		return run;
	}

	private long insert(String sql) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> connection.prepareStatement(sql, new String[] { "id" }), key);
		return key.getKey().longValue();
	}

	/**
	 * The search rows of these records are what a rebuild from the stored ones writes.
	 */
	private void indexConsistent(List<Long> contactIds, List<Long> organizationIds) {
		SearchIndexCheck.assertConsistent(this.named, this.index, contactIds, organizationIds);
	}

}
