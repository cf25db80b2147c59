package org.outreachcrm.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Names, notes and subjects holding a script render as text in lists, details, timelines
 * and search results.
 */
@FlowTest
class OutputEscapingTest {

	static final String PAYLOAD = "<script>alert(1)</script>";

	static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	Meetings meetings;

	@PersistenceContext
	EntityManager entityManager;

	@AfterEach
	void logOut() {
		Staff.logOut();
	}

	@Test
	void scriptsInNamesNotesAndSubjectsRenderAsText() throws Exception {
		String m = marker();
		UserView staff = Staff.create(this.users, Role.STAFF);
		Staff.actAs(staff);
		OrganizationDetails organization = this.organizations
			.create(new OrganizationRequest(PAYLOAD + " " + m, OrganizationType.NGO, "PL", PAYLOAD, null, null, null,
					List.of(), PAYLOAD + "<b>bold</b>", null, null, Set.of(), null));
		ContactDetails contact = this.contacts.create(new ContactRequest(PAYLOAD, "Doe " + m, null, List.of(),
				List.of(), "en", "PL", PAYLOAD + " note", Set.of(), null));
		this.interactions.log(new InteractionRequest(organization.id(), List.of(contact.id()), InteractionType.CALL,
				Instant.parse("2026-01-10T10:00:00Z"), "Europe/Warsaw", Direction.OUTBOUND, PAYLOAD, PAYLOAD, null,
				null, null, null, null, null));
		MeetingView meeting = this.meetings
			.create(new MeetingRequest(PAYLOAD + " " + m, PAYLOAD, Instant.parse("2026-03-01T10:00:00Z"),
					Instant.parse("2026-03-01T12:00:00Z"), "Europe/Warsaw", PAYLOAD, null, null, null));
		this.entityManager.flush();
		this.entityManager.clear();

		List<String> pages = List.of("/organizations?q=" + m, "/organizations/" + organization.id(),
				"/organizations/" + organization.id() + "/timeline", "/contacts?q=" + m, "/contacts/" + contact.id(),
				"/contacts/" + contact.id() + "/timeline", "/directory?q=" + m, "/meetings",
				"/meetings/" + meeting.id(), "/organizations/" + organization.id() + "/edit");
		for (String page : pages) {
			MvcTestResult result = this.mvc.get().uri(page).with(user(staff.username()).roles("STAFF")).exchange();
			assertThat(result).as(page).hasStatusOk();
			String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(page).contains(ESCAPED).doesNotContain(PAYLOAD).doesNotContain("<b>bold</b>");
		}
	}

}
