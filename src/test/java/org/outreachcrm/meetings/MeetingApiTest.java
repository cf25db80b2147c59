package org.outreachcrm.meetings;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@FlowTest
class MeetingApiTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserAccounts users;

	@Test
	void plansAMeetingAndExportsIt() throws Exception {
		UserView staff = Staff.create(this.users, Role.STAFF);
		MvcTestResult created = this.mvc.post()
			.uri("/api/meetings")
			.with(user(staff.username()).roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(
					Map.of("title", "Kick-off", "startsAt", "2026-05-04T07:00:00Z", "endsAt", "2026-05-04T09:00:00Z",
							"timeZone", "Europe/Bucharest", "onlineLink", "https://meet.example.org/x")))
			.exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode meeting = this.json.readTree(created.getResponse().getContentAsString());
		long id = meeting.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/meetings/" + id);
		assertThat(meeting.get("localStart").asString()).startsWith("2026-05-04T10:00");
		assertThat(meeting.get("organizerId").asLong()).isEqualTo(staff.id());

		MvcTestResult ics = this.mvc.get()
			.uri("/api/meetings/" + id + "/export.ics")
			.with(user(staff.username()).roles("STAFF"))
			.exchange();
		assertThat(ics).hasStatusOk();
		assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
		assertThat(ics.getResponse().getContentAsString()).contains("DTSTART;TZID=Europe/Bucharest:20260504T100000");

		MvcTestResult xlsx = this.mvc.get()
			.uri("/api/meetings/" + id + "/export.xlsx")
			.with(user(staff.username()).roles("STAFF"))
			.exchange();
		assertThat(xlsx).hasStatusOk();
		assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains("meeting-" + id + ".xlsx");

		MvcTestResult invalid = this.mvc.post()
			.uri("/api/meetings")
			.with(user(staff.username()).roles("STAFF"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\"}")
			.exchange();
		assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.json.readTree(invalid.getResponse().getContentAsString())
			.get("errors")
			.findValuesAsString("field")).contains("title", "startsAt", "endsAt");
	}

}
