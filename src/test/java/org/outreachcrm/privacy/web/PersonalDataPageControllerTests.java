package org.outreachcrm.privacy.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.PersonToErase;
import org.outreachcrm.privacy.DeletedPerson;
import org.outreachcrm.privacy.ErasureView;
import org.outreachcrm.privacy.PersonalData;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(PersonalDataPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, FixedClockConfiguration.class })
class PersonalDataPageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PersonalData personalData;

	@MockitoBean
	Contacts contacts;

	@MockitoBean
	UserAccounts users;

	@Test
	void theErasuresPageTakesTheIdOfAPersonWithoutAPage() {
		given(this.personalData.erasures())
			.willReturn(List.of(new ErasureView(1, 4711, "root", FixedClockConfiguration.NOW)));

		assertThat(this.mvc.get().uri("/admin/erasures").with(user("root").roles("ADMIN"))).bodyText()
			.contains("name=\"contactId\"", "for=\"erase-contact-id\"", "find a deleted person below by name or e-mail",
					">4711<");
		assertThat(this.mvc.get().uri("/admin/erasures?contactId=42").with(user("root").roles("ADMIN"))).redirectedUrl()
			.isEqualTo("/contacts/42/erase");
		assertThat(this.mvc.get().uri("/admin/erasures").with(user("anna").roles("STAFF"))).hasStatus(403);
	}

	@Test
	void findsDeletedPeopleByNameOrEmailAndRefusesAnOverlongSearch() {
		given(this.personalData.findDeleted("zielińska", 20)).willReturn(List.of(new DeletedPerson(42, "Ewa Zielińska",
				List.of("ewa@example.pl", "ewa.z@example.pl"), FixedClockConfiguration.NOW, List.of("PL"))));

		assertThat(this.mvc.get().uri("/admin/erasures?find= zielińska ").with(user("root").roles("ADMIN"))).bodyText()
			.contains("Ewa Zielińska", "ewa@example.pl, ewa.z@example.pl", "Poland", "href=\"/contacts/42/erase\"");
		assertThat(this.mvc.get().uri("/admin/erasures?find=nobody").with(user("root").roles("ADMIN"))).bodyText()
			.contains("No deleted person of your countries whose data is still held matches &quot;nobody&quot;.");
		assertThat(this.mvc.get().uri("/admin/erasures?find=" + "x".repeat(201)).with(user("root").roles("ADMIN")))
			.hasStatus(400)
			.bodyText()
			.contains("enter 2 to 200 characters");
		assertThat(this.mvc.get().uri("/admin/erasures?find=x").with(user("root").roles("ADMIN"))).hasStatus(400);
		verify(this.personalData, never()).findDeleted(startsWith("x"), anyInt());
	}

	@Test
	void confirmsTheErasureOfADeletedPersonByTheirLastRecordedName() {
		given(this.personalData.personToErase(42)).willReturn(new PersonToErase(42, "Ewa Zielińska", true));

		assertThat(this.mvc.get().uri("/contacts/42/erase").with(user("root").roles("ADMIN"))).bodyText()
			.contains("Ewa Zielińska", "Contact #42 was deleted earlier", "Erase for good",
					"action=\"/contacts/42/erase\"", "href=\"/admin/erasures\"")
			.doesNotContain("href=\"/contacts/42\"", "The record stays");
	}

	@Test
	void confirmsTheErasureOfALivingPersonAsBefore() {
		given(this.personalData.personToErase(7)).willReturn(new PersonToErase(7, "Jan Kowalski", false));

		assertThat(this.mvc.get().uri("/contacts/7/erase").with(user("root").roles("ADMIN"))).bodyText()
			.contains("Jan Kowalski", "Erase for good", "href=\"/contacts/7\"")
			.doesNotContain("was deleted earlier")
			.contains("The record stays");
	}

	@Test
	void afterErasingADeletedPersonReturnsToTheErasures() {
		given(this.contacts.exists(42)).willReturn(false);
		given(this.contacts.exists(7)).willReturn(true);

		assertThat(this.mvc.post().uri("/contacts/42/erase").with(user("root").roles("ADMIN")).with(csrf()))
			.redirectedUrl()
			.isEqualTo("/admin/erasures");
		assertThat(this.mvc.post().uri("/contacts/7/erase").with(user("root").roles("ADMIN")).with(csrf()))
			.redirectedUrl()
			.isEqualTo("/contacts/7");
		verify(this.personalData).erase(42);
		verify(this.personalData).erase(7);
	}

	@Test
	void anIdWithoutAnyHistoryIsNotFound() {
		given(this.personalData.personToErase(9)).willThrow(new NotFoundException("Contact", 9));

		assertThat(this.mvc.get().uri("/contacts/9/erase").with(user("root").roles("ADMIN"))).hasStatus(404);
	}

}
