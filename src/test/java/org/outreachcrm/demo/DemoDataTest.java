package org.outreachcrm.demo;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.ContactSummary;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.Organizations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile seeds an international directory once; it runs on its own empty
 * database.
 */
@SpringBootTest(
		properties = "spring.datasource.url=jdbc:h2:mem:demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class DemoDataTest {

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	DemoData demoData;

	@Test
	void seedsPartnersOnEveryContinentWithSearchableNamesInManyScripts() {
		assertThat(total()).isEqualTo(DemoData.PARTNERS.size());
		assertThat(
				this.organizations.search(new DirectoryQuery(null, null, "KE", null, null, null), PageRequest.of(0, 5))
					.getContent())
			.extracting(OrganizationSummary::city)
			.containsExactly("Nairobi");
		assertThat(names("zielona lodz")).containsExactly("Fundacja Klimatyczna „Zielona Łódź”");
		assertThat(names("zelena ukraina")).singleElement().asString().startsWith("Громадська");
		assertThat(names("київ")).as("typed in Cyrillic, lower case").hasSize(1);
		assertThat(names("北京")).singleElement().asString().startsWith("北京大学");
		assertThat(this.contacts.search(DirectoryQuery.text("taranu"), PageRequest.of(0, 5)).getContent())
			.extracting(ContactSummary::displayName)
			.containsExactly("Ioana Țăranu");
		assertThat(this.users.findByUsername("mihai")).isPresent();
	}

	@Test
	void seedsNothingTwice() {
		this.demoData.run(null);
		assertThat(total()).isEqualTo(DemoData.PARTNERS.size());
	}

	private long total() {
		return this.organizations.search(DirectoryQuery.all(), PageRequest.of(0, 1)).getTotalElements();
	}

	private java.util.List<String> names(String q) {
		return this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, 5))
			.map(OrganizationSummary::name)
			.getContent();
	}

}
