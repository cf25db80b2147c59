package org.outreachcrm.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

@DatabaseTest
@SpringBootTest
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class ContactsTest {

	@Autowired
	UserAccounts users;

	@BeforeEach
	void olgaHasAnAccountWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
	}

	@Autowired
	Contacts contacts;

	@Autowired
	Organizations organizations;

	@Test
	void normalizesEmailsAndPhonesAndBuildsDisplayName() {
		String m = marker();
		ContactDetails created = this.contacts.create(new ContactRequest("Ioana", "Țăranu " + m, null,
				List.of("Ioana.Taranu@Example.RO", "ioana.taranu@example.ro"), List.of("0721 123 456", "ext. 12"), "ro",
				"RO", "Met in Cluj", Set.of("Climate"), null));

		assertThat(created.displayName()).isEqualTo("Ioana Țăranu " + m);
		assertThat(created.emails()).containsExactly("ioana.taranu@example.ro");
		assertThat(created.phones()).containsExactly("+40721123456", "ext. 12");
		assertThat(created.tags()).containsExactly("climate");
	}

	@Test
	void keepsDisplayNameForCulturesThatDoNotSplitNames() {
		String name = "王小明 " + marker();
		ContactDetails created = this.contacts
			.create(new ContactRequest(null, null, name, List.of(), List.of(), "zh", "CN", null, Set.of(), null));
		assertThat(this.contacts.get(created.id()).displayName()).isEqualTo(name);
		assertThat(this.contacts.search(DirectoryQuery.text(name), PageRequest.of(0, 5))).hasSize(1);
	}

	@Test
	void findsContactsByAccentFreeNameAndByEmail() {
		String m = marker();
		ContactDetails created = this.contacts.create(person("Małgorzata", "Wójcik " + m, m + "@zwiazek.pl", "PL"));

		assertThat(ids("malgorzata wojcik " + m)).containsExactly(created.id());
		assertThat(ids(m + "@zwiazek.pl")).containsExactly(created.id());
		assertThat(ids("gosia " + m)).isEmpty();
	}

	@Test
	void findsAPersonByAPastedOrStartedAddressButNotByTheSharedDomainAlone() {
		String m = marker();
		ContactDetails created = this.contacts
			.create(person("Ana", "Pop " + m, "ana_pop." + m + "@Fundatia-Verde.ro", "RO"));

		assertThat(ids("ana_pop." + m + "@fundatia-verde.ro")).containsExactly(created.id());
		assertThat(ids("ANA_POP." + m + "@FUNDATIA")).containsExactly(created.id());
		assertThat(ids("pop " + m + "@")).isEmpty();
		assertThat(ids("ana " + "ana_pop." + m + "@fundatia-verde.ro")).containsExactly(created.id());
		// the local part is words like the name; the domain is not a word of the person
		assertThat(ids("ana pop " + m)).containsExactly(created.id());
		var page = this.contacts.search(DirectoryQuery.text("ana pop " + m), PageRequest.of(0, 10));
		assertThat(page.getTotalElements()).isEqualTo(1);
		assertThat(page.getContent().get(0).email()).isEqualTo("ana_pop." + m + "@fundatia-verde.ro");
		assertThat(ids(m + " fundatia")).isEmpty();
		// LIKE wildcards in a typed address are literal characters
		assertThat(ids("ana%pop." + m + "@fundatia-verde.ro")).isEmpty();
		assertThat(ids("ana_pop_" + m + "@fundatia-verde.ro")).isEmpty();
	}

	@Test
	void refusesASecondContactWithTheSameEmail() {
		String email = marker() + "@example.org";
		this.contacts.create(person("Ana", "One", email, "RO"));
		assertThatThrownBy(() -> this.contacts.create(person("Ana", "Two", email.toUpperCase(), "RO")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("already has this email");
	}

	@Test
	void keepsAffiliationHistoryWhenAPersonMovesAndListsCurrentOrganization() {
		String m = marker();
		long union = this.organizations.create(organization("Union " + m, OrganizationType.TRADE_UNION, "PL")).id();
		long ministry = this.organizations.create(organization("Ministry " + m, OrganizationType.GOVERNMENT, "PL"))
			.id();
		ContactDetails person = this.contacts.create(person("Jan", "Nowak " + m, null, "PL"));

		AffiliationView atUnion = this.contacts.affiliate(person.id(),
				new AffiliationRequest(union, "Secretary", true, LocalDate.of(2019, 1, 1), null, null));
		this.contacts.updateAffiliation(person.id(), atUnion.id(), new AffiliationRequest(union, "Secretary", false,
				LocalDate.of(2019, 1, 1), LocalDate.of(2025, 6, 30), atUnion.version()));
		this.contacts.affiliate(person.id(),
				new AffiliationRequest(ministry, "Adviser", true, LocalDate.of(2025, 7, 1), null, null));

		assertThat(this.contacts.get(person.id()).affiliations()).extracting(AffiliationView::organizationName)
			.containsExactlyInAnyOrder("Union " + m, "Ministry " + m);
		assertThat(this.contacts.affiliationsOfOrganization(union)).singleElement()
			.satisfies((a) -> assertThat(a.endDate()).isEqualTo(LocalDate.of(2025, 6, 30)));
		ContactSummary summary = this.contacts.search(DirectoryQuery.text("nowak " + m), PageRequest.of(0, 5))
			.getContent()
			.get(0);
		assertThat(summary.organizationName()).isEqualTo("Ministry " + m);
		assertThat(summary.role()).isEqualTo("Adviser");
		assertThat(this.contacts.search(new DirectoryQuery(m, null, null, null, null, union), PageRequest.of(0, 5))
			.getContent()).as("past members are not current members").isEmpty();
		assertThat(this.contacts
			.search(new DirectoryQuery(m, OrganizationType.GOVERNMENT, null, null, null, null), PageRequest.of(0, 5))
			.getContent()).hasSize(1);
	}

	@Test
	void filtersPeopleByTheirOrganizationsTypeWithAndWithoutWords() {
		String m = marker();
		long ngo = this.organizations.create(organization("Green " + m, OrganizationType.NGO, "PL")).id();
		long media = this.organizations.create(organization("Radio " + m, OrganizationType.MEDIA, "PL")).id();
		ContactDetails atNgo = this.contacts.create(person("Zofia", "Łęcka " + m, null, "PL"));
		ContactDetails atMedia = this.contacts.create(person("Zofia", "Łęcka-Radio " + m, null, "PL"));
		this.contacts.affiliate(atNgo.id(), new AffiliationRequest(ngo, null, true, null, null, null));
		this.contacts.affiliate(atMedia.id(), new AffiliationRequest(media, null, true, null, null, null));

		var withWords = this.contacts.search(
				new DirectoryQuery("zofia lecka " + m, OrganizationType.NGO, null, null, null, null),
				PageRequest.of(0, 5));
		assertThat(withWords.getContent()).extracting(ContactSummary::id).containsExactly(atNgo.id());
		assertThat(withWords.getTotalElements()).isEqualTo(1);
		assertThat(this.contacts
			.search(new DirectoryQuery(null, OrganizationType.MEDIA, null, null, null, media), PageRequest.of(0, 5))
			.getContent()).extracting(ContactSummary::id).containsExactly(atMedia.id());
	}

	@Test
	void aNewPrimaryAffiliationMakesTheOthersNonPrimary() {
		String m = marker();
		long a = this.organizations.create(organization("A " + m, OrganizationType.NGO, "RO")).id();
		long b = this.organizations.create(organization("B " + m, OrganizationType.NGO, "RO")).id();
		long person = this.contacts.create(person("Dan", "Pop " + m, null, "RO")).id();
		this.contacts.affiliate(person, new AffiliationRequest(a, null, true, null, null, null));
		this.contacts.affiliate(person, new AffiliationRequest(b, null, true, null, null, null));

		assertThat(this.contacts.affiliationsOfContact(person)).filteredOn(AffiliationView::primary)
			.extracting(AffiliationView::organizationId)
			.containsExactly(b);
	}

	@Test
	void refusesStaleContactUpdate() {
		ContactDetails created = this.contacts.create(person("Eva", "Stale " + marker(), null, "DE"));
		ContactRequest change = new ContactRequest("Eva", "Changed", null, List.of(), List.of(), "de", "DE", null,
				Set.of(), created.version() + 1);
		assertThatThrownBy(() -> this.contacts.update(created.id(), change)).isInstanceOf(StaleVersionException.class);
	}

	@Test
	void deletingAnOrganizationRemovesItsAffiliationsButNotThePeople() {
		String m = marker();
		OrganizationDetails org = this.organizations.create(organization("Closing " + m, OrganizationType.NGO, "RO"));
		long person = this.contacts.create(person("Radu", "Ion " + m, null, "RO")).id();
		this.contacts.affiliate(person, new AffiliationRequest(org.id(), "Member", false, null, null, null));

		this.organizations.delete(org.id(), null);

		assertThat(this.contacts.get(person).affiliations()).isEmpty();
	}

	private List<Long> ids(String q) {
		return this.contacts.search(DirectoryQuery.text(q), PageRequest.of(0, 10)).map(ContactSummary::id).getContent();
	}

}
