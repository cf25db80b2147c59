package org.outreachcrm.directory;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.withVersion;

@DatabaseTest
@SpringBootTest
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class OrganizationsTest {

	@Autowired
	UserAccounts users;

	@BeforeEach
	void olgaHasAnAccountWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
	}

	@Autowired
	Organizations organizations;

	@Test
	void findsOrganizationIgnoringDiacriticsAndCase() {
		String m = marker();
		OrganizationDetails created = this.organizations.create(organization("Asociația Științifică " + m,
				OrganizationType.ACADEMIA, "RO", "Łódź", PartnershipStage.PROSPECT, Set.of()));

		assertThat(search("stiintifica " + m)).extracting(OrganizationSummary::id).containsExactly(created.id());
		assertThat(search("ASOCIATIA " + m)).extracting(OrganizationSummary::id).containsExactly(created.id());
		assertThat(search("lodz " + m)).extracting(OrganizationSummary::id).containsExactly(created.id());
		assertThat(search("Științ " + m)).as("prefix of a word, typed with accents").hasSize(1);
		assertThat(search("krakow " + m)).isEmpty();
	}

	@Test
	void aSingleLetterMatchesThatWholeWordWhileLongerWordsMatchAsPrefixes() {
		String m = marker();
		OrganizationDetails initial = this.organizations
			.create(organization("Plan B " + m, OrganizationType.SOCIAL_MOVEMENT, "PL"));
		OrganizationDetails word = this.organizations
			.create(organization("Bieszczady Brigade " + m, OrganizationType.NGO, "PL"));

		assertThat(search("b " + m)).extracting(OrganizationSummary::id).containsExactly(initial.id());
		assertThat(search("bi " + m)).extracting(OrganizationSummary::id).containsExactly(word.id());
		assertThat(search("br " + m)).extracting(OrganizationSummary::id).containsExactly(word.id());
	}

	@Test
	void aOneWordQueryCountsEachOrganizationOnceWhateverTokensOfItTheWordStarts() {
		String m = marker();
		OrganizationDetails first = this.organizations
			.create(organization("Alpha " + m + "a " + m + "b", OrganizationType.NGO, "PL"));
		OrganizationDetails second = this.organizations
			.create(organization("Beta " + m + "c", OrganizationType.NGO, "RO"));

		var page = this.organizations.search(DirectoryQuery.text(m), PageRequest.of(0, 1));
		assertThat(page.getTotalElements()).isEqualTo(2);
		assertThat(page.getContent()).extracting(OrganizationSummary::id).containsExactly(first.id());
		assertThat(this.organizations.search(DirectoryQuery.text(m), PageRequest.of(1, 1)).getContent())
			.extracting(OrganizationSummary::id)
			.containsExactly(second.id());
		var past = this.organizations.search(DirectoryQuery.text(m), PageRequest.of(5, 1));
		assertThat(past.getContent()).isEmpty();
		assertThat(past.getTotalElements()).isEqualTo(2);
		assertThat(this.organizations.search(DirectoryQuery.text(m + "zz"), PageRequest.of(0, 1)).getTotalElements())
			.isZero();
	}

	@Test
	void findsByEmailWebsiteAndTag() {
		String m = marker();
		OrganizationRequest request = new OrganizationRequest("Union " + m, OrganizationType.TRADE_UNION, "PL", null,
				"https://zwiazek.example.pl", "Biuro@Zwiazek.example.pl", null, java.util.List.of("pl"), null, null,
				null, Set.of("Klimat 2026"), null);
		OrganizationDetails created = this.organizations.create(request);

		assertThat(created.email()).isEqualTo("biuro@zwiazek.example.pl");
		assertThat(created.tags()).containsExactly("klimat 2026");
		assertThat(search(m + " biuro@zwiazek")).hasSize(1);
		assertThat(search(m + " klimat")).hasSize(1);
		assertThat(this.organizations.search(new DirectoryQuery(m, null, null, null, "KLIMAT 2026", null),
				PageRequest.of(0, 10)))
			.hasSize(1);
	}

	@Test
	void filtersByTypeCountryStageAndTag() {
		String m = marker();
		this.organizations.create(organization("Alpha " + m, OrganizationType.NGO, "PL", "Warszawa",
				PartnershipStage.PARTNER, Set.of("youth")));
		this.organizations.create(organization("Beta " + m, OrganizationType.NGO, "RO", "Cluj",
				PartnershipStage.PROSPECT, Set.of("youth")));
		this.organizations.create(
				organization("Gamma " + m, OrganizationType.MEDIA, "PL", "Kraków", PartnershipStage.PARTNER, Set.of()));

		assertThat(names(new DirectoryQuery(m, OrganizationType.NGO, null, null, null, null)))
			.containsExactly("Alpha " + m, "Beta " + m);
		assertThat(names(new DirectoryQuery(m, null, "PL", PartnershipStage.PARTNER, null, null)))
			.containsExactly("Alpha " + m, "Gamma " + m);
		assertThat(names(new DirectoryQuery(m, null, null, null, "youth", null))).containsExactly("Alpha " + m,
				"Beta " + m);
		assertThat(names(new DirectoryQuery(m, OrganizationType.MEDIA, "RO", null, null, null))).isEmpty();
	}

	@Test
	void sortsByFoldedNameAndPaginates() {
		String m = marker();
		for (String name : new String[] { "Żółw", "Ćma", "Ananas", "Bóbr", "Zebra" }) {
			this.organizations.create(organization(name + " " + m, OrganizationType.OTHER, "PL"));
		}
		Page<OrganizationSummary> first = this.organizations.search(DirectoryQuery.text(m),
				PageRequest.of(0, 2, Sort.by("name")));
		Page<OrganizationSummary> last = this.organizations.search(DirectoryQuery.text(m),
				PageRequest.of(2, 2, Sort.by("name")));

		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getTotalPages()).isEqualTo(3);
		assertThat(first.getContent()).extracting(OrganizationSummary::name)
			.containsExactly("Ananas " + m, "Bóbr " + m);
		assertThat(last.getContent()).extracting(OrganizationSummary::name).containsExactly("Żółw " + m);
		assertThat(last.getTotalElements()).isEqualTo(5);
		Page<OrganizationSummary> beyond = this.organizations.search(DirectoryQuery.text(m),
				PageRequest.of(7, 2, Sort.by("name")));
		assertThat(beyond.getContent()).isEmpty();
		assertThat(beyond.getTotalElements()).as("counted although the page has no rows").isEqualTo(5);
		assertThat(this.organizations.search(DirectoryQuery.text(m), PageRequest.of(0, 5, Sort.by("name").descending()))
			.getContent()
			.get(0)
			.name()).isEqualTo("Żółw " + m);
	}

	@Test
	void updateWithCurrentVersionChangesRecordAndSearchIndex() {
		String m = marker();
		OrganizationRequest request = organization("Old name " + m, OrganizationType.NGO, "PL");
		OrganizationDetails created = this.organizations.create(request);

		OrganizationDetails updated = this.organizations.update(created.id(),
				withVersion(request, "Fundația Nouă " + m, created.version()));

		assertThat(updated.version()).isEqualTo(created.version() + 1);
		assertThat(updated.updatedBy()).isEqualTo("olga");
		assertThat(search("noua " + m)).hasSize(1);
		assertThat(search("old " + m)).as("words of the old name no longer find it").isEmpty();
	}

	@Test
	void refusesUpdateBasedOnStaleVersionAndKeepsTheOtherChange() {
		String m = marker();
		OrganizationRequest request = organization("Shared " + m, OrganizationType.NGO, "PL");
		OrganizationDetails created = this.organizations.create(request);
		this.organizations.update(created.id(), withVersion(request, "First editor " + m, created.version()));

		assertThatThrownBy(() -> this.organizations.update(created.id(),
				withVersion(request, "Second editor " + m, created.version())))
			.isInstanceOf(StaleVersionException.class);
		assertThat(this.organizations.get(created.id()).name()).isEqualTo("First editor " + m);
	}

	@Test
	void storesFourByteCharactersAndNonLatinScripts() {
		String name = "Climate 🌍 北京大学 Москва " + marker();
		OrganizationDetails created = this.organizations.create(organization(name, OrganizationType.ACADEMIA, "CN"));
		assertThat(this.organizations.get(created.id()).name()).isEqualTo(name);
		assertThat(search("moskva " + name.substring(name.lastIndexOf(' ') + 1))).hasSize(1);
	}

	@Test
	void deleteRemovesTheOrganization() {
		OrganizationDetails created = this.organizations
			.create(organization("Gone " + marker(), OrganizationType.OTHER, "US"));
		this.organizations.delete(created.id(), created.version());
		assertThatThrownBy(() -> this.organizations.get(created.id())).isInstanceOf(NotFoundException.class);
	}

	private java.util.List<OrganizationSummary> search(String q) {
		return this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

	private java.util.List<String> names(DirectoryQuery query) {
		return this.organizations.search(query, PageRequest.of(0, 50, Sort.by("name")))
			.map(OrganizationSummary::name)
			.getContent();
	}

}
