package org.outreachcrm.privacy;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.testsupport.ApiCalls;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.createMember;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.outreachcrm.testsupport.DirectoryData.organization;
import static org.outreachcrm.testsupport.DirectoryData.person;

/**
 * Export and erasure follow the country scope: an admin limited to Poland can neither
 * erase nor export a Romanian person (before, the erasure of a living Romanian went down
 * the path for deleted people: the log and the history said "erased", the record stayed),
 * nor read the name of a deleted Romanian by walking ids on the confirm page. A deleted
 * person is in scope by their last known country or an affiliation with a Polish
 * organization.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScopedAdminErasureTest {

	@LocalServerPort
	int port;

	@Autowired
	Contacts contacts;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	String m;

	ContactDetails romanian;

	ContactDetails polish;

	long deletedRomanian;

	long deletedPolishMember;

	UserView polishAdmin;

	@BeforeEach
	void people() {
		this.m = marker();
		long romanianOrganization = this.organizations
			.create(organization("Fundația " + this.m, OrganizationType.NGO, "RO"))
			.id();
		long polishOrganization = this.organizations
			.create(organization("Fundacja " + this.m, OrganizationType.NGO, "PL"))
			.id();
		this.romanian = createMember(this.contacts, person("Ion", "Pop" + this.m, null, "RO"), romanianOrganization,
				"member");
		this.polish = this.contacts.create(person("Anna", "Nowak" + this.m, null, "PL"));
		ContactDetails goneRomanian = createMember(this.contacts, person("Maria", "Ionescu" + this.m, null, "RO"),
				romanianOrganization, "member");
		this.contacts.delete(goneRomanian.id(), null);
		this.deletedRomanian = goneRomanian.id();
		// a Romanian volunteer of a Polish organization, deleted since
		ContactDetails goneMember = createMember(this.contacts, person("Elena", "Popescu" + this.m, null, "RO"),
				polishOrganization, "volunteer");
		this.contacts.delete(goneMember.id(), null);
		this.deletedPolishMember = goneMember.id();
		String password = "Test-Passw0rd-" + this.m;
		this.polishAdmin = this.users
			.create(new NewUser("a" + this.m, password, null, null, Set.of(Role.ADMIN), Set.of("PL")));
	}

	@Test
	void theApiNeitherErasesNorExportsPeopleBeyondTheScope() {
		ApiCalls api = api();
		assertThat(api.post("/api/contacts/" + this.romanian.id() + "/erasure", "").statusCode()).isEqualTo(404);
		assertThat(api.post("/api/contacts/" + this.deletedRomanian + "/erasure", "").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/contacts/" + this.romanian.id() + "/personal-data").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/contacts/" + this.romanian.id() + "/personal-data.xlsx").statusCode()).isEqualTo(404);
		assertThat(this.contacts.get(this.romanian.id()).displayName()).isEqualTo("Ion Pop" + this.m);
		assertThat(erasures(this.romanian.id()) + erasures(this.deletedRomanian)).as("nothing logged").isZero();

		assertThat(api.get("/api/contacts/" + this.polish.id() + "/personal-data").statusCode()).isEqualTo(200);
		assertThat(api.post("/api/contacts/" + this.polish.id() + "/erasure", "").statusCode()).isEqualTo(204);
		assertThat(api.post("/api/contacts/" + this.deletedPolishMember + "/erasure", "").statusCode())
			.as("deleted, but last known as a volunteer of a Polish organization")
			.isEqualTo(204);
		assertThat(erasures(this.polish.id()) + erasures(this.deletedPolishMember)).isEqualTo(2);
	}

	@Test
	void thePagesNeitherShowNorErasePeopleBeyondTheScope() {
		PageSession pages = PageSession.login(this.port, this.polishAdmin.username(), "Test-Passw0rd-" + this.m);
		HttpResponse<String> deleted = pages.get("/contacts/" + this.deletedRomanian + "/erase");
		assertThat(deleted.statusCode()).isEqualTo(404);
		assertThat(deleted.body()).doesNotContain("Ionescu" + this.m);
		assertThat(pages.get("/contacts/" + this.romanian.id() + "/erase").statusCode()).isEqualTo(404);
		assertThat(pages.get("/contacts/" + this.romanian.id() + "/personal-data.xlsx").statusCode()).isEqualTo(404);
		String token = pages.token("/admin/erasures");
		assertThat(pages.post("/contacts/" + this.romanian.id() + "/erase", token).statusCode()).isEqualTo(404);
		assertThat(pages.post("/contacts/" + this.deletedRomanian + "/erase", token).statusCode()).isEqualTo(404);
		assertThat(this.contacts.get(this.romanian.id()).displayName()).isEqualTo("Ion Pop" + this.m);
		assertThat(erasures(this.romanian.id()) + erasures(this.deletedRomanian)).isZero();

		assertThat(pages.get("/contacts/" + this.deletedPolishMember + "/erase").body())
			.contains("Elena Popescu" + this.m);
		assertThat(pages.post("/contacts/" + this.polish.id() + "/erase", token).statusCode()).isEqualTo(302);
		assertThat(erasures(this.polish.id())).isOne();
	}

	@Test
	void theErasureLogShowsAScopedAdminOnlyTheErasuresInTheirCountries() {
		// erased by the system (all countries): a Romanian, and a Romanian volunteer of a
		// Polish organization, who belongs to Poland too
		this.personalData.erase(this.romanian.id());
		this.personalData.erase(this.deletedPolishMember);
		String log = api().get("/api/erasures").body();
		assertThat(log).contains("\"contactId\":" + this.deletedPolishMember)
			.doesNotContain("\"contactId\":" + this.romanian.id());
		assertThat(this.personalData.erasures()).as("the system sees all")
			.extracting(ErasureView::contactId)
			.contains(this.romanian.id(), this.deletedPolishMember);
	}

	@Test
	void aScopedAdminFindsDeletedPeopleOfTheirCountriesByNameOrEmail() {
		ContactDetails goneWithEmail = this.contacts
			.create(person("Ola", "Kowalska" + this.m, "ola." + this.m + "@example.org", "PL"));
		this.contacts.delete(goneWithEmail.id(), null);
		PageSession pages = PageSession.login(this.port, this.polishAdmin.username(), "Test-Passw0rd-" + this.m);

		String byName = pages.get("/admin/erasures?find=elena+POPESCU" + this.m).body();
		assertThat(byName).contains("Elena Popescu" + this.m)
			.contains("/contacts/" + this.deletedPolishMember + "/erase");
		String byEmail = pages.get("/admin/erasures?find=ola." + this.m + "@example").body();
		assertThat(byEmail).contains("Ola Kowalska" + this.m)
			.contains("ola." + this.m + "@example.org")
			.contains("/contacts/" + goneWithEmail.id() + "/erase");
		// the marker matches every person of this test: only the deleted ones in Poland
		String everyone = pages.get("/admin/erasures?find=" + this.m).body();
		assertThat(everyone).contains("/contacts/" + this.deletedPolishMember + "/erase")
			.contains("/contacts/" + goneWithEmail.id() + "/erase")
			.as("deleted, but Romanian")
			.doesNotContain("Maria Ionescu" + this.m)
			.doesNotContain("/contacts/" + this.deletedRomanian + "/erase")
			.as("living people have a page of their own")
			.doesNotContain("/contacts/" + this.polish.id() + "/erase");
		assertThat(this.personalData.findDeleted(this.m, 20)).as("the system sees all countries")
			.extracting(DeletedPerson::contactId)
			.contains(this.deletedRomanian, this.deletedPolishMember, goneWithEmail.id());

		this.personalData.erase(this.deletedPolishMember);
		assertThat(pages.get("/admin/erasures?find=" + this.m).body()).as("erased: nothing left to find")
			.doesNotContain("/contacts/" + this.deletedPolishMember + "/erase");
		assertThat(pages.get("/admin/erasures?find=" + "x".repeat(201)).statusCode()).isEqualTo(400);
	}

	@Test
	void aScopedAdminFindsADeletedPersonOfTheirCountriesBehindManyNewerOnesElsewhere() {
		String name = "Zofia Wrona" + this.m;
		ContactDetails gonePole = this.contacts.create(person("Zofia", "Wrona" + this.m, null, "PL"));
		this.contacts.delete(gonePole.id(), null);
		// deleted after her, matching the same words: more Romanians than a search reads
		for (int i = 0; i < 205; i++) {
			ContactDetails goneRomanian = this.contacts.create(person("Zofia", "Wrona" + this.m + i, null, "RO"));
			this.contacts.delete(goneRomanian.id(), null);
		}
		PageSession pages = PageSession.login(this.port, this.polishAdmin.username(), "Test-Passw0rd-" + this.m);

		String found = pages.get("/admin/erasures?find=zofia+wrona" + this.m).body();

		assertThat(found).contains(name).contains("/contacts/" + gonePole.id() + "/erase");
		assertThat(found.split("/erase\"", -1)).as("only she, no Romanian").hasSize(2);
	}

	private long erasures(long contactId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM person_erasure WHERE contact_id = ?")
			.param(contactId)
			.query(Long.class)
			.single();
	}

	private ApiCalls api() {
		return new ApiCalls(this.port, this.polishAdmin.username(), "Test-Passw0rd-" + this.m);
	}

}
