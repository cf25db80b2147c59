package org.outreachcrm.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.LowerBoundTotal;
import org.outreachcrm.shared.ScopeSql;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Issue 20: above the count cap (5 here, 1,000 by default) a list or search reports a
 * lower bound and walks its sort order, and its pages are the exact plan's pages.
 */
@DatabaseTest
@SpringBootTest(properties = "crm.directory.count-cap=5")
@AutoConfigureMockMvc
@Transactional
@WithMockUser(username = "olga", roles = "STAFF")
class DirectoryCountCapTest {

	private static final List<String> COUNTRIES = List.of("PL", "RO", "DE", "FR");

	@Autowired
	UserAccounts users;

	@Autowired
	Contacts contacts;

	@Autowired
	Organizations organizations;

	@Autowired
	DirectorySearch capped;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	ScopeSql scope;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void staffHaveAccountsWithAllCountries() {
		Staff.ensureAccount(this.users, "olga", Role.STAFF);
		Staff.ensureAccount(this.users, "staff", Role.STAFF);
	}

	/** The plan the cap replaces: every match read and counted. */
	private DirectorySearch exact() {
		return new DirectorySearch(this.jdbc, this.scope, new DirectoryProperties(1_000_000, 5_000));
	}

	private String people(int n) {
		String m = marker();
		for (int i = 0; i < n; i++) {
			this.contacts.create(person("Given" + (char) ('a' + (i * 7) % n), m + (char) ('a' + i), null,
					COUNTRIES.get(i % COUNTRIES.size())));
		}
		return m;
	}

	private String organizations(int n) {
		String m = marker();
		OrganizationType[] types = OrganizationType.values();
		for (int i = 0; i < n; i++) {
			this.organizations.create(organization("Org" + (char) ('a' + (i * 7) % n) + " " + m + (char) ('a' + i),
					types[i % types.length], COUNTRIES.get(i % COUNTRIES.size())));
		}
		return m;
	}

	private static List<Sort> sorts(String... properties) {
		List<Sort> sorts = new ArrayList<>(List.of(Sort.unsorted()));
		for (String property : properties) {
			sorts.add(Sort.by(Sort.Direction.ASC, property));
			sorts.add(Sort.by(Sort.Direction.DESC, property));
		}
		return sorts;
	}

	private static boolean exact(Page<?> page) {
		return ((LowerBoundTotal) page).isTotalExact();
	}

	@Test
	void searchAboveTheCapReportsALowerBoundAndTheExactPlansPagesInEverySortOrder() {
		String m = people(12);
		DirectoryQuery query = DirectoryQuery.text(m);
		for (Sort sort : sorts("name", "displayName", "country", "createdAt", "updatedAt")) {
			List<Long> walked = new ArrayList<>();
			for (int number = 0; number < 3; number++) {
				Page<ContactSummary> page = this.capped.contacts(query, PageRequest.of(number, 4, sort));
				Page<ContactSummary> reference = exact().contacts(query, PageRequest.of(number, 4, sort));
				assertThat(page.getContent()).as(sort + " page " + number).isEqualTo(reference.getContent());
				assertThat(reference.getTotalElements()).isEqualTo(12);
				assertThat(exact(reference)).isTrue();
				walked.addAll(page.map(ContactSummary::id).getContent());
				if (number < 2) {
					assertThat(exact(page)).as(sort + " page " + number).isFalse();
					assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(5);
					assertThat(page.hasNext()).isTrue();
					assertThat(page.getTotalPages()).isEqualTo(number + 2);
				}
				else {
					// the last page read to the end: the total is known again
					assertThat(exact(page)).isTrue();
					assertThat(page.getTotalElements()).isEqualTo(12);
					assertThat(page.hasNext()).isFalse();
				}
			}
			assertThat(walked).doesNotHaveDuplicates().hasSize(12);
		}
		Page<ContactSummary> first = this.capped.contacts(query, PageRequest.of(0, 4));
		assertThat(first.getTotalElements()).isEqualTo(5);
	}

	/**
	 * The walk along the name order gives up after its budget and the page is sorted from
	 * the words' matches instead: matches that all sort after everyone else (names
	 * starting "Zz") read the same pages whether the walk reaches them or not.
	 */
	@Test
	void aWalkThatRunsOutOfItsBudgetGivesTheExactPlansPages() {
		String m = marker();
		for (int i = 0; i < 12; i++) {
			this.contacts.create(person("Zz" + (char) ('a' + (i * 5) % 12), m + (char) ('a' + i), null,
					COUNTRIES.get(i % COUNTRIES.size())));
		}
		DirectoryQuery query = DirectoryQuery.text(m);
		for (int walkRows : List.of(0, 3, 1_000_000)) {
			DirectorySearch budgeted = new DirectorySearch(this.jdbc, this.scope, new DirectoryProperties(5, walkRows));
			List<Long> walked = new ArrayList<>();
			for (int number = 0; number < 3; number++) {
				PageRequest request = PageRequest.of(number, 4, Sort.by("name"));
				Page<ContactSummary> page = budgeted.contacts(query, request);
				assertThat(page.getContent()).as("walk " + walkRows + ", page " + number)
					.isEqualTo(exact().contacts(query, request).getContent());
				assertThat(page.getContent()).extracting(ContactSummary::displayName)
					.allMatch((name) -> name.startsWith("Zz"));
				assertThat(exact(page)).isEqualTo(number == 2);
				walked.addAll(page.map(ContactSummary::id).getContent());
			}
			assertThat(walked).doesNotHaveDuplicates().hasSize(12);
			// a country filter walks that country's names only
			DirectoryQuery polish = new DirectoryQuery(m, null, "PL", null, null, null);
			DirectorySearch countryCap = new DirectorySearch(this.jdbc, this.scope,
					new DirectoryProperties(2, walkRows));
			for (int number = 0; number < 2; number++) {
				PageRequest request = PageRequest.of(number, 2, Sort.by("name"));
				Page<ContactSummary> page = countryCap.contacts(polish, request);
				assertThat(page.getContent()).as("walk " + walkRows + ", PL page " + number)
					.isEqualTo(exact().contacts(polish, request).getContent())
					.allMatch((c) -> "PL".equals(c.country()));
				assertThat(exact(page)).isEqualTo(number == 1);
			}
		}
	}

	@Test
	void anOrganizationWalkThatRunsOutOfItsBudgetGivesTheExactPlansPages() {
		String m = marker();
		for (int i = 0; i < 11; i++) {
			this.organizations.create(organization("Zz" + (char) ('a' + (i * 5) % 11) + " " + m + (char) ('a' + i),
					OrganizationType.NGO, COUNTRIES.get(i % COUNTRIES.size())));
		}
		DirectoryQuery query = DirectoryQuery.text(m);
		for (int walkRows : List.of(0, 3, 1_000_000)) {
			DirectorySearch budgeted = new DirectorySearch(this.jdbc, this.scope, new DirectoryProperties(5, walkRows));
			for (Sort sort : List.of(Sort.unsorted(), Sort.by("name"))) {
				for (int number = 0; number < 3; number++) {
					PageRequest request = PageRequest.of(number, 4, sort);
					Page<OrganizationSummary> page = budgeted.organizations(query, request);
					assertThat(page.getContent()).as("walk " + walkRows + ", " + sort + ", page " + number)
						.isEqualTo(exact().organizations(query, request).getContent());
					assertThat(page.getContent()).extracting(OrganizationSummary::name)
						.allMatch((name) -> name.startsWith("Zz"));
					assertThat(exact(page)).isEqualTo(number == 2);
				}
			}
		}
	}

	@Test
	void filtersAndCountryStayExactAboveTheCap() {
		String m = people(12);
		for (String country : COUNTRIES) {
			DirectoryQuery query = new DirectoryQuery(m, null, country, null, null, null);
			Page<ContactSummary> page = this.capped.contacts(query, PageRequest.of(0, 2));
			assertThat(exact(page)).isTrue();
			assertThat(page.getTotalElements()).isEqualTo(3);
			assertThat(page.getContent()).allMatch((c) -> country.equals(c.country()));
		}
	}

	@Test
	void organizationTypeFilterAboveTheCapPagesLikeTheExactPlan() {
		String m = marker();
		long union = this.organizations.create(organization("Union " + m, OrganizationType.TRADE_UNION, "PL")).id();
		long school = this.organizations.create(organization("School " + m, OrganizationType.NGO, "PL")).id();
		for (int i = 0; i < 14; i++) {
			createMember(this.contacts, person("Given" + (char) ('a' + (i * 5) % 14), m + (char) ('a' + i), null,
					COUNTRIES.get(i % COUNTRIES.size())), (i % 7 == 0) ? school : union, "member");
		}
		DirectoryQuery query = new DirectoryQuery(m, OrganizationType.TRADE_UNION, null, null, null, null);
		List<Long> walked = new ArrayList<>();
		for (int number = 0; number < 4; number++) {
			Page<ContactSummary> page = this.capped.contacts(query, PageRequest.of(number, 4));
			Page<ContactSummary> reference = exact().contacts(query, PageRequest.of(number, 4));
			assertThat(page.getContent()).as("page " + number).isEqualTo(reference.getContent());
			assertThat(exact(page)).isEqualTo(number == 2);
			walked.addAll(page.map(ContactSummary::id).getContent());
		}
		assertThat(walked).doesNotHaveDuplicates().hasSize(12);
	}

	@Test
	void countsExactlyAtOrBelowTheCap() {
		String five = people(5);
		Page<ContactSummary> page = this.capped.contacts(DirectoryQuery.text(five), PageRequest.of(0, 2));
		assertThat(exact(page)).isTrue();
		assertThat(page.getTotalElements()).isEqualTo(5);
		assertThat(page.getTotalPages()).isEqualTo(3);
		String four = organizations(4);
		Page<OrganizationSummary> organizations = this.capped.organizations(DirectoryQuery.text(four),
				PageRequest.of(1, 3));
		assertThat(exact(organizations)).isTrue();
		assertThat(organizations.getTotalElements()).isEqualTo(4);
		assertThat(organizations.getContent()).hasSize(1);
	}

	@Test
	void organizationSearchAboveTheCapPagesLikeTheExactPlan() {
		String m = organizations(11);
		DirectoryQuery query = DirectoryQuery.text(m);
		for (Sort sort : sorts("name", "country", "type", "stage", "city", "updatedAt", "createdAt")) {
			for (int number = 0; number < 3; number++) {
				Page<OrganizationSummary> page = this.capped.organizations(query, PageRequest.of(number, 4, sort));
				Page<OrganizationSummary> reference = exact().organizations(query, PageRequest.of(number, 4, sort));
				assertThat(page.getContent()).as(sort + " page " + number).isEqualTo(reference.getContent());
				assertThat(exact(page)).isEqualTo(number == 2);
				assertThat(page.hasNext()).isEqualTo(number < 2);
			}
		}
	}

	@Test
	void listsWithoutWordsStopCountingAtTheCap() {
		people(12);
		organizations(11);
		Page<ContactSummary> people = this.capped.contacts(DirectoryQuery.all(), PageRequest.of(0, 3));
		assertThat(exact(people)).isFalse();
		assertThat(people.hasNext()).isTrue();
		assertThat(people.getContent())
			.isEqualTo(exact().contacts(DirectoryQuery.all(), PageRequest.of(0, 3)).getContent());
		for (Sort sort : sorts("name", "country", "type", "stage", "city", "updatedAt", "createdAt")) {
			Page<OrganizationSummary> page = this.capped.organizations(DirectoryQuery.all(),
					PageRequest.of(1, 3, sort));
			assertThat(exact(page)).isFalse();
			assertThat(page.getContent()).as(sort.toString())
				.isEqualTo(exact().organizations(DirectoryQuery.all(), PageRequest.of(1, 3, sort)).getContent());
		}
	}

	@Test
	void apiSaysWhenTheTotalIsALowerBound() throws Exception {
		String m = people(12);
		MvcTestResult above = this.mvc.get()
			.uri("/api/contacts?size=4&q=" + m)
			.with(user("staff").roles("STAFF"))
			.exchange();
		JsonNode page = this.json.readTree(above.getResponse().getContentAsString());
		assertThat(page.get("totalExact").asBoolean()).isFalse();
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(5);
		assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
		assertThat(page.get("content")).hasSize(4);
		MvcTestResult filtered = this.mvc.get()
			.uri("/api/contacts?size=4&country=PL&q=" + m)
			.with(user("staff").roles("STAFF"))
			.exchange();
		JsonNode exact = this.json.readTree(filtered.getResponse().getContentAsString());
		assertThat(exact.get("totalExact").asBoolean()).isTrue();
		assertThat(exact.get("page").get("totalElements").asLong()).isEqualTo(3);
		String o = organizations(6);
		JsonNode organizations = this.json.readTree(this.mvc.get()
			.uri("/api/organizations?size=2&page=1&q=" + o)
			.with(user("staff").roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString());
		assertThat(organizations.get("totalExact").asBoolean()).isFalse();
		assertThat(organizations.get("content")).hasSize(2);
	}

	@Test
	void pagesSayMoreThanAndOfferNextWithoutALastPageNumber() throws Exception {
		// more than the list's page of 25
		String m = people(30);
		String html = this.mvc.get()
			.uri("/contacts?q=" + m)
			.with(user("staff").roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("More than 25 found").contains(">Page 1<").doesNotContain("Page 1 of");
		assertThat(html).contains("page=1");
		String search = this.mvc.get()
			.uri("/directory?q=" + m)
			.with(user("staff").roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(search).containsPattern(">\\d+\\+<");
		String pl = this.mvc.get()
			.uri("/contacts?lang=pl&q=" + m)
			.with(user("staff").roles("STAFF"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(pl).contains("Znaleziono ponad 25 wyników").contains(">Strona 1<");
	}

}
