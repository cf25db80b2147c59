package org.outreachcrm.directory;

import java.time.Instant;
import java.time.LocalDate;
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
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * A consent date in an imported row gives the person a consent from that file, unless
 * someone already recorded one; undo takes it back.
 */
@DatabaseTest
@SpringBootTest
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class ImportedConsentTest {

	@Autowired
	DirectoryImport writer;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@BeforeEach
	void olgaHasAnAccountWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
	}

	@Test
	void newPersonGetsConsentGivenFromTheFile() {
		String m = marker();
		write(row("Ana", m + "@new.example.org", "2025-06-30"));

		Consent consent = consentOf(m + "@new.example.org");
		assertThat(consent).isEqualTo(
				new Consent(ConsentStatus.GIVEN, LocalDate.of(2025, 6, 30), ConsentSource.IMPORT, "list.xlsx", null));
	}

	@Test
	void existingPersonWithoutConsentGetsItAndUndoTakesItBack() {
		String m = marker();
		ContactDetails known = this.contacts.create(person("Ion", "Pop " + m, m + "@known.example.org", "RO"));

		BulkOutcome outcome = write(row("Ion", m + "@known.example.org", "2025-01-02"));

		assertThat(consentOf(m + "@known.example.org").status()).isEqualTo(ConsentStatus.GIVEN);
		assertThat(outcome.changes()).extracting(RecordChange::field).contains("consent_status", "consent_date");
		this.writer.revert(outcome.changes(), Instant.now().plusSeconds(60));
		assertThat(this.contacts.get(known.id()).consent()).isEqualTo(Consent.unknown());
	}

	@Test
	void aRecordedConsentIsNeverOverwrittenByAnImport() {
		String m = marker();
		ContactDetails known = this.contacts.create(person("Eva", "Lis " + m, m + "@withdrawn.example.org", "PL"));
		this.contacts.withdrawConsent(known.id());

		write(row("Eva", m + "@withdrawn.example.org", "2025-01-02"));

		Consent consent = this.contacts.get(known.id()).consent();
		assertThat(consent.status()).isEqualTo(ConsentStatus.WITHDRAWN);
		assertThat(consent.source()).isNull();
	}

	private BulkOutcome write(DirectoryRow... rows) {
		return this.writer.write(List.of(rows), ImportMode.CREATE_AND_UPDATE, BulkSession.real(), "admin");
	}

	private Consent consentOf(String email) {
		long id = this.contacts.search(DirectoryQuery.text(email), PageRequest.of(0, 1)).getContent().get(0).id();
		return this.contacts.get(id).consent();
	}

	private static DirectoryRow row(String given, String email, @Nullable String consentDate) {
		return new DirectoryRow(1, null, null, null, null, null, null, null, given, "Imported", null, email, null, null,
				null, null, Set.of(), consentDate, consentDate == null ? null : "list.xlsx");
	}

}
