package org.outreachcrm.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.bulk.BulkOutcome;
import org.outreachcrm.directory.bulk.BulkSession;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.SearchIndexCheck;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

@DatabaseTest
@SpringBootTest
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class DirectoryBulkWriterTest {

	@Autowired
	UserAccounts users;

	@BeforeEach
	void olgaHasAnAccountWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
	}

	@Autowired
	DirectoryImport writer;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

	@Autowired
	SearchIndex index;

	@Test
	void createsOrganizationsPeopleAndAffiliationsThatSearchFinds() {
		String m = marker();
		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE,
				row(1, "Fundacja Zielona Łódź " + m, "PL", "Anna", "Kowalska", m + "a@zielona.pl", "Prezeska"),
				row(2, "Fundacja Zielona Łódź " + m, "PL", "Jan", "Nowak", m + "j@zielona.pl", null));

		assertThat(outcome.organizationsCreated()).isEqualTo(1);
		assertThat(outcome.contactsCreated()).isEqualTo(2);
		assertThat(outcome.affiliationsCreated()).isEqualTo(2);
		List<OrganizationSummary> found = orgs("zielona lodz " + m);
		assertThat(found).singleElement().satisfies((o) -> assertThat(o.country()).isEqualTo("PL"));
		ContactSummary anna = this.contacts.search(DirectoryQuery.text("kowalska " + m), PageRequest.of(0, 5))
			.getContent()
			.get(0);
		assertThat(anna.organizationName()).isEqualTo("Fundacja Zielona Łódź " + m);
		assertThat(anna.role()).isEqualTo("Prezeska");
		assertThat(anna.email()).isEqualTo(m + "a@zielona.pl");
	}

	@Test
	void sameFoldedNameInTheSameCountryIsOneOrganizationWithinAFileAndAgainstTheDatabase() {
		String m = marker();
		this.organizations.create(organization("Asociația Științifică " + m, OrganizationType.ACADEMIA, "RO"));

		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE, org(1, "ASOCIATIA  STIINTIFICA, " + m, "RO"),
				org(2, "asociatia stiintifica " + m + ".", "RO"), org(3, "Asociația Științifică " + m, "MD"));

		assertThat(outcome.organizationsCreated()).as("only the one in another country is new").isEqualTo(1);
		assertThat(orgs(m)).extracting(OrganizationSummary::country).containsExactlyInAnyOrder("RO", "MD");
	}

	@Test
	void aPersonIsTheirEmailOrWithoutEmailTheirNameAtTheSameOrganization() {
		String m = marker();
		BulkOutcome first = write(ImportMode.CREATE_AND_UPDATE,
				row(1, "Union " + m, "PL", "Ewa", "Lis", m + "@x.pl", null),
				row(2, "Other " + m, "PL", "Ewa", "Lis-Nowa", m + "@x.pl", null),
				row(3, "Union " + m, "PL", "Piotr", "Bez", null, null),
				row(4, "Union " + m, "PL", "PIOTR", "Bęz", null, null),
				row(5, "Other " + m, "PL", "Piotr", "Bez", null, null));

		assertThat(first.contactsCreated()).as("Ewa once; Piotr at Union once; Piotr at Other again").isEqualTo(3);
		BulkOutcome again = write(ImportMode.CREATE_AND_UPDATE, row(6, "Union " + m, "PL", "Piotr", "Bez", null, null));
		assertThat(again.contactsCreated()).isZero();
	}

	@Test
	void createAndUpdateFillsEmptyFieldsAndNeverBlanksOrOverwritesStoredValues() {
		String m = marker();
		OrganizationDetails stored = this.organizations.create(organization("Keep " + m, OrganizationType.OTHER, "PL"));
		this.organizations.update(stored.id(), new OrganizationRequest("Keep " + m, OrganizationType.OTHER, "PL",
				"Kraków", null, null, null, List.of(), null, null, null, Set.of(), stored.version()));

		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE,
				new DirectoryRow(1, "Keep " + m, OrganizationType.NGO, "PL", "Warszawa", "https://keep.example.pl",
						null, null, null, null, null, null, null, null, null, null, Set.of()));

		OrganizationDetails after = this.organizations.get(stored.id());
		assertThat(outcome.organizationsUpdated()).isEqualTo(1);
		assertThat(after.city()).as("stored value kept").isEqualTo("Kraków");
		assertThat(after.website()).as("empty field filled").isEqualTo("https://keep.example.pl");
		assertThat(after.type()).as("OTHER counts as not known yet").isEqualTo(OrganizationType.NGO);
		assertThat(after.version()).isEqualTo(stored.version() + 2);
	}

	@Test
	void createOnlySkipsExistingAndUpdateOnlyCreatesNothing() {
		String m = marker();
		OrganizationDetails stored = this.organizations.create(organization("Exists " + m, OrganizationType.NGO, "PL"));

		BulkOutcome createOnly = write(ImportMode.CREATE_ONLY, withCity(org(1, "Exists " + m, "PL"), "Gdańsk"),
				org(2, "New " + m, "PL"));
		assertThat(createOnly.organizationsCreated()).isEqualTo(1);
		assertThat(createOnly.organizationsUpdated()).isZero();
		assertThat(this.organizations.get(stored.id()).city()).isNull();

		BulkOutcome updateOnly = write(ImportMode.UPDATE_ONLY, withCity(org(3, "Exists " + m, "PL"), "Gdańsk"),
				org(4, "Never " + m, "PL"));
		assertThat(updateOnly.organizationsCreated()).isZero();
		assertThat(updateOnly.organizationsUpdated()).isEqualTo(1);
		assertThat(updateOnly.skippedRows()).containsExactly(4L);
		assertThat(orgs("never " + m)).isEmpty();
	}

	@Test
	void writingTheSameRowsTwiceChangesNothingTheSecondTime() {
		String m = marker();
		DirectoryRow[] rows = { row(1, "Twice " + m, "RO", "Ion", "Popa", m + "@twice.ro", "Președinte"),
				row(2, "Twice " + m, "RO", "Ana", "Pop", null, "Secretar") };
		write(ImportMode.CREATE_AND_UPDATE, rows);

		BulkOutcome second = write(ImportMode.CREATE_AND_UPDATE, rows);

		assertThat(second).isEqualTo(new BulkOutcome(0, 0, 0, 0, 0, List.of(), List.of()));
	}

	@Test
	void dryRunWritesNothingAndCountsLikeTheRealRun() {
		String m = marker();
		BulkSession dry = BulkSession.dryRun();
		BulkOutcome chunk1 = this.writer.write(List.of(row(1, "Dry " + m, "PL", "A", "B", m + "@dry.pl", null)),
				ImportMode.CREATE_AND_UPDATE, dry, "admin");
		BulkOutcome chunk2 = this.writer.write(List.of(row(2, "Dry " + m, "PL", "A", "B", m + "@dry.pl", null)),
				ImportMode.CREATE_AND_UPDATE, dry, "admin");

		assertThat(chunk1.organizationsCreated() + chunk2.organizationsCreated()).isEqualTo(1);
		assertThat(chunk1.contactsCreated() + chunk2.contactsCreated()).isEqualTo(1);
		assertThat(chunk1.affiliationsCreated()).isEqualTo(1);
		assertThat(orgs(m)).isEmpty();
	}

	@Test
	void revertRemovesCreatedRecordsAndRestoresFieldsUnlessEditedSince() {
		String m = marker();
		OrganizationDetails existing = this.organizations
			.create(organization("Before " + m, OrganizationType.NGO, "PL"));
		OrganizationDetails untouched = this.organizations
			.create(organization("Untouched " + m, OrganizationType.NGO, "PL"));
		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE, withCity(org(1, "Before " + m, "PL"), "Poznań"),
				withCity(org(2, "Untouched " + m, "PL"), "Lublin"),
				row(3, "Created " + m, "PL", "Nowa", "Osoba", m + "@new.pl", "Rola"));
		Instant finished = Instant.now().plusSeconds(1);
		OrganizationDetails edited = this.organizations.get(existing.id());
		this.organizations.update(existing.id(), new OrganizationRequest(edited.name(), edited.type(), "PL",
				"Poznań-Jeżyce", null, null, null, List.of(), null, null, null, Set.of(), edited.version()));

		RevertOutcome reverted = this.writer.revert(outcome.changes(), finished);

		assertThat(reverted.organizationsRemoved()).isEqualTo(1);
		assertThat(reverted.contactsRemoved()).isEqualTo(1);
		assertThat(reverted.affiliationsRemoved()).isEqualTo(1);
		assertThat(this.organizations.get(untouched.id()).city()).isNull();
		assertThat(this.organizations.get(existing.id()).city()).isEqualTo("Poznań-Jeżyce");
		assertThat(reverted.keptBecauseEdited()).singleElement().asString().contains("city");
		assertThat(orgs("created " + m)).isEmpty();
		assertThat(orgs("lublin " + m)).as("search index follows the undo").isEmpty();
	}

	@Test
	void importedPeopleAreFoundByTheirOrganizationsTypeAndTheUndoTakesThatBack() {
		String m = marker();
		this.organizations.create(organization("Later Union " + m, OrganizationType.OTHER, "PL"));
		long known = this.contacts.create(person("Ines", "Known " + m, m + "k@x.pl", "PL")).id();
		assertThat(people(m, OrganizationType.TRADE_UNION)).isEmpty();

		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE,
				new DirectoryRow(1, "Later Union " + m, OrganizationType.TRADE_UNION, "PL", null, null, null, null,
						"Ines", "Known " + m, null, m + "k@x.pl", null, null, null, null, Set.of()),
				row(2, "Fresh " + m, "PL", "Ines", "Fresh " + m, m + "f@x.pl", null));
		long fresh = this.contacts.search(DirectoryQuery.text("fresh " + m), PageRequest.of(0, 5))
			.getContent()
			.get(0)
			.id();

		assertThat(people(m, OrganizationType.TRADE_UNION)).as("a known person linked to a retyped organization")
			.containsExactly(known);
		assertThat(people(m, OrganizationType.NGO)).as("a new person of a new organization").containsExactly(fresh);
		List<Long> orgIds = outcome.changes()
			.stream()
			.filter((c) -> c.kind() == RecordChange.Kind.ORGANIZATION)
			.map(RecordChange::id)
			.toList();
		SearchIndexCheck.assertConsistent(this.named, this.index, List.of(known, fresh), orgIds);

		this.writer.revert(outcome.changes(), Instant.now().plusSeconds(1));
		SearchIndexCheck.assertConsistent(this.named, this.index, List.of(known, fresh), orgIds);

		assertThat(people(m, OrganizationType.TRADE_UNION)).isEmpty();
		assertThat(people(m, OrganizationType.OTHER)).as("neither the link nor the type stay").isEmpty();
		assertThat(people(m, null)).containsExactly(known);
	}

	@Test
	void revertKeepsACreatedRecordEditedSinceAndRemovesTheOthersOfItsBatch() {
		String m = marker();
		BulkOutcome outcome = write(ImportMode.CREATE_AND_UPDATE, org(1, "First " + m, "PL"),
				org(2, "Second " + m, "PL"), org(3, "Third " + m, "PL"));
		Instant finished = Instant.now().plusSeconds(1);
		long second = outcome.changes()
			.stream()
			.filter((c) -> c.created() && c.kind() == RecordChange.Kind.ORGANIZATION)
			.mapToLong(RecordChange::id)
			.sorted()
			.skip(1)
			.findFirst()
			.orElseThrow();
		this.jdbc.update("UPDATE organization SET updated_at = ? WHERE id = ?",
				java.time.LocalDateTime.ofInstant(finished.plusSeconds(3600), java.time.ZoneOffset.UTC), second);

		RevertOutcome reverted = this.writer.revert(outcome.changes(), finished);

		assertThat(reverted.organizationsRemoved()).isEqualTo(2);
		assertThat(reverted.keptBecauseEdited()).singleElement()
			.asString()
			.contains(String.valueOf(second))
			.contains("edited after the import");
		assertThat(orgs(m)).singleElement().satisfies((o) -> assertThat(o.id()).isEqualTo(second));
	}

	@Test
	void bulkIdsNeverCollideWithIdsHibernateHandsOut() {
		String m = marker();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.organizations.create(organization("Entity " + i + " " + m, OrganizationType.NGO, "PL")).id());
			write(ImportMode.CREATE_AND_UPDATE, org(i, "Bulk " + i + " " + m, "PL"));
		}
		List<Long> all = orgs(m).stream().map(OrganizationSummary::id).toList();
		assertThat(all).hasSize(6).doesNotHaveDuplicates().containsAll(ids);
	}

	private BulkOutcome write(ImportMode mode, DirectoryRow... rows) {
		return this.writer.write(List.of(rows), mode, BulkSession.real(), "admin");
	}

	private List<Long> people(String q, @Nullable OrganizationType type) {
		return this.contacts.search(new DirectoryQuery(q, type, null, null, null, null), PageRequest.of(0, 50))
			.map(ContactSummary::id)
			.getContent();
	}

	private List<OrganizationSummary> orgs(String q) {
		return this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

	private static DirectoryRow org(long n, String name, String country) {
		return new DirectoryRow(n, name, null, country, null, null, null, null, null, null, null, null, null, null,
				null, null, Set.of());
	}

	private static DirectoryRow withCity(DirectoryRow row, String city) {
		return new DirectoryRow(row.rowNumber(), row.organizationName(), row.organizationType(), row.country(), city,
				row.website(), row.organizationEmail(), row.organizationPhone(), row.givenName(), row.familyName(),
				row.displayName(), row.email(), row.phone(), row.role(), row.preferredLanguage(), row.notes(),
				row.tags());
	}

	private static DirectoryRow row(long n, String org, String country, String given, String family,
			@Nullable String email, @Nullable String role) {
		return new DirectoryRow(n, org, OrganizationType.NGO, country, null, null, null, null, given, family, null,
				email, null, role, null, null, Set.of());
	}

}
