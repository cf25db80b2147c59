package org.outreachcrm.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
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
	void peopleFoundByTheirOrganizationsTypeAndStageFollowEveryChangeOfOrganizationsAndLinks() {
		String m = marker();
		OrganizationDetails union = this.organizations
			.create(organization("Union " + m, OrganizationType.TRADE_UNION, "PL"));
		OrganizationDetails radio = this.organizations.create(organization("Radio " + m, OrganizationType.MEDIA, "PL"));
		long ines = this.contacts.create(person("Ines", "Facet " + m, null, "PL")).id();
		long unlinked = this.contacts.create(person("Ines", "Unlinked " + m, null, "PL")).id();
		AffiliationView atUnion = this.contacts.affiliate(ines,
				new AffiliationRequest(union.id(), null, true, null, null, null));

		assertThat(people("ines " + m, OrganizationType.TRADE_UNION, null)).containsExactly(ines);
		assertThat(people("ines " + m, OrganizationType.MEDIA, null)).isEmpty();
		assertThat(people("ines " + m, null, PartnershipStage.PROSPECT)).containsExactly(ines);
		assertThat(people("ines " + m, null, null)).containsExactlyInAnyOrder(ines, unlinked);

		OrganizationDetails retyped = this.organizations.update(union.id(),
				new OrganizationRequest("Union " + m, OrganizationType.NGO, "PL", null, null, null, null, List.of(),
						null, null, null, Set.of(), union.version()));
		assertThat(people("ines " + m, OrganizationType.TRADE_UNION, null)).as("type changed").isEmpty();
		assertThat(people("ines " + m, OrganizationType.NGO, null)).containsExactly(ines);

		this.organizations.changeStage(union.id(),
				new OrganizationStageRequest(PartnershipStage.PARTNER, retyped.version()));
		assertThat(people("ines " + m, null, PartnershipStage.PARTNER)).as("stage changed").containsExactly(ines);
		assertThat(people("ines " + m, null, PartnershipStage.PROSPECT)).isEmpty();
		assertThat(people("ines " + m, OrganizationType.NGO, PartnershipStage.PARTNER)).containsExactly(ines);

		AffiliationView atRadio = this.contacts.affiliate(ines,
				new AffiliationRequest(radio.id(), null, false, null, null, null));
		assertThat(people("ines " + m, OrganizationType.MEDIA, null)).containsExactly(ines);
		assertThat(people("ines " + m, OrganizationType.MEDIA, PartnershipStage.PARTNER))
			.as("type and stage of one organization, not of two")
			.isEmpty();
		assertThat(people("ines " + m, OrganizationType.MEDIA, PartnershipStage.PROSPECT)).containsExactly(ines);

		AffiliationView ended = this.contacts.updateAffiliation(ines, atUnion.id(),
				new AffiliationRequest(union.id(), null, true, null, LocalDate.of(2020, 1, 31), atUnion.version()));
		assertThat(people("ines " + m, OrganizationType.NGO, null)).as("past members are not current members")
			.isEmpty();
		this.contacts.updateAffiliation(ines, atUnion.id(),
				new AffiliationRequest(union.id(), null, true, null, LocalDate.of(2999, 12, 31), ended.version()));
		assertThat(people("ines " + m, OrganizationType.NGO, null)).as("an end date still to come")
			.containsExactly(ines);

		this.contacts.removeAffiliation(ines, atRadio.id(), atRadio.version());
		assertThat(people("ines " + m, OrganizationType.MEDIA, null)).as("link removed").isEmpty();

		this.organizations.delete(union.id(), null);
		assertThat(people("ines " + m, OrganizationType.NGO, null)).as("organization deleted").isEmpty();
		assertThat(people("ines " + m, null, null)).containsExactlyInAnyOrder(ines, unlinked);
	}

	@Test
	void aPersonLinkedToSeveralMatchingOrganizationsIsListedAndCountedOnce() {
		String m = marker();
		long ngo = this.organizations.create(organization("Green " + m, OrganizationType.NGO, "PL")).id();
		long media = this.organizations.create(organization("Radio " + m, OrganizationType.MEDIA, "PL")).id();
		long ngo2 = this.organizations.create(organization("Blue " + m, OrganizationType.NGO, "PL")).id();
		long person = this.contacts.create(person("Ana", "Many " + m, null, "PL")).id();
		for (long org : List.of(ngo, media, ngo2)) {
			this.contacts.affiliate(person, new AffiliationRequest(org, null, false, null, null, null));
		}
		// one past link of the same type does not hide the open one
		long old = this.organizations.create(organization("Old " + m, OrganizationType.NGO, "PL")).id();
		this.contacts.affiliate(person,
				new AffiliationRequest(old, null, false, null, LocalDate.of(2020, 1, 31), null));

		for (DirectoryQuery query : List.of(new DirectoryQuery("ana many " + m, null, null, null, null, null),
				new DirectoryQuery("ana many " + m, OrganizationType.NGO, null, null, null, null),
				new DirectoryQuery("ana " + m, null, null, PartnershipStage.PROSPECT, null, null))) {
			var page = this.contacts.search(query, PageRequest.of(0, 5));
			assertThat(page.getContent()).extracting(ContactSummary::id).containsExactly(person);
			assertThat(page.getTotalElements()).isEqualTo(1);
		}
	}

	@Test
	void anErasedPersonKeepsTheirOrganizationsFacets() {
		String m = marker();
		long union = this.organizations.create(organization("Union " + m, OrganizationType.TRADE_UNION, "PL")).id();
		long person = this.contacts.create(person("Ines", "Gone " + m, null, "PL")).id();
		this.contacts.affiliate(person, new AffiliationRequest(union, null, true, null, null, null));

		this.contacts.erase(person);

		assertThat(people("erased " + person, OrganizationType.TRADE_UNION, null)).containsExactly(person);
		assertThat(people("ines " + m, OrganizationType.TRADE_UNION, null)).isEmpty();
	}

	@Test
	void erasingAnIdThatNeverExistedIsNotFound() {
		assertThatThrownBy(() -> this.contacts.erase(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.contacts.personToErase(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
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

	private List<Long> people(String q, @Nullable OrganizationType type, @Nullable PartnershipStage stage) {
		var page = this.contacts.search(new DirectoryQuery(q, type, null, stage, null, null), PageRequest.of(0, 10));
		assertThat(page.getTotalElements()).as("total of " + q).isEqualTo(page.getContent().size());
		return page.map(ContactSummary::id).getContent();
	}

	private List<Long> ids(String q) {
		return this.contacts.search(DirectoryQuery.text(q), PageRequest.of(0, 10)).map(ContactSummary::id).getContent();
	}

}
