package org.outreachcrm.privacy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.audit.RecordHistory;
import org.outreachcrm.directory.ConsentSource;
import org.outreachcrm.directory.ConsentStatus;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.meetings.AttendanceRequest;
import org.outreachcrm.meetings.InvitationRequest;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;
import org.outreachcrm.meetings.Meetings;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.MutableClockConfiguration;
import org.outreachcrm.testsupport.SearchIndexCheck;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A person's data rights end to end: the person comes from a real import (with a consent
 * date and a rejected row naming them), is edited, met and called; the export holds every
 * part; erasure removes their name and e-mail from every table that held them (history,
 * import log, rejected rows, the stored upload) while counts stay.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PersonalDataTest {

	/** Every table that may hold a person's values, searched whole after erasure. */
	static final List<String> TABLES = List.of("contact", "contact_email", "contact_phone", "contact_tag",
			"contact_search_token", "contact_aud", "contact_email_aud", "contact_phone_aud", "contact_tag_aud",
			"interaction", "interaction_aud", "follow_up", "follow_up_aud", "import_change", "import_problem",
			"person_erasure", "audit_revision");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

	@Autowired
	org.outreachcrm.directory.SearchIndex searchIndex;

	@Autowired
	Imports imports;

	@Autowired
	Contacts contacts;

	@Autowired
	Interactions interactions;

	@Autowired
	Meetings meetings;

	@Autowired
	UserAccounts users;

	@Autowired
	RecordHistory history;

	@Autowired
	MutableClock clock;

	@Value("${crm.imports.storage-dir}")
	Path storageDir;

	@Value("${crm.imports.inbox-dir}")
	Path inboxDir;

	UserView me;

	String m;

	String family;

	String email;

	/**
	 * This test's own mobile number, so that a rerun on a kept database finds no other
	 * run's.
	 */
	String phone;

	ImportView run;

	ContactDetails person;

	/** The call with the person, whose subject names them. */
	long call;

	@BeforeEach
	void aPersonWithAHistory() throws Exception {
		this.me = Staff.create(this.users, Role.ADMIN);
		Staff.actAs(this.me);
		this.m = marker();
		this.family = "Kowalskiego" + this.m;
		this.email = "jan." + this.m + "@erase.example.org";
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		this.phone = String.format(java.util.Locale.ROOT, "601 %03d %03d", random.nextInt(1000), random.nextInt(1000));
		ImportView submitted = this.imports.submit(new ByteArrayInputStream(partnerList()), "zgody-" + this.m + ".xlsx",
				ImportOptions.defaults(), "API", this.me.username());
		this.run = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(submitted.id()), ImportView::finished);
		assertThat(this.run.rowsRejected()).isEqualTo(1);
		long id = this.contacts.search(DirectoryQuery.text(this.email), PageRequest.of(0, 1)).getContent().get(0).id();
		ContactDetails imported = this.contacts.get(id);
		this.person = this.contacts.update(id,
				new ContactRequest("Jan", this.family, null, List.of(this.email, "second." + this.email),
						List.of("+48 " + this.phone), "pl", "PL", "=HYPERLINK(\"http://x\") met " + this.family,
						Set.of("climate"), imported.version()));
		long org = this.person.affiliations().get(0).organizationId();
		this.call = this.interactions
			.log(new InteractionRequest(org, List.of(id), InteractionType.CALL, Instant.parse("2026-01-10T10:00:00Z"),
					"Europe/Warsaw", Direction.OUTBOUND, "Call with Jan " + this.family,
					"Jan " + this.family + " agreed, write to " + this.email, "Yes from " + this.family, null, null,
					Set.of(),
					new FollowUpRequest(LocalDate.of(2026, 2, 1), null, "Send " + this.family + " the minutes"), null))
			.id();
		assertThat(this.call).isPositive();
		MeetingView meeting = this.meetings
			.create(new MeetingRequest("Meeting " + this.m, null, Instant.parse("2026-01-12T09:00:00Z"),
					Instant.parse("2026-01-12T11:00:00Z"), "UTC", null, null, null, null));
		this.meetings.invite(meeting.id(), new InvitationRequest(id, org, null));
		this.meetings.recordAttendance(meeting.id(), new AttendanceRequest(List.of(id)));
	}

	@AfterEach
	void logOut() {
		Staff.logOut();
		this.clock.set(MutableClockConfiguration.DEFAULT_NOW);
	}

	@Test
	void anImportedConsentDateMakesConsentGivenFromThatFile() {
		assertThat(this.person.consent().status()).isEqualTo(ConsentStatus.GIVEN);
		assertThat(this.person.consent().date()).isEqualTo(LocalDate.of(2025, 11, 3));
		assertThat(this.person.consent().source()).isEqualTo(ConsentSource.IMPORT);
		assertThat(this.person.consent().sourceDetail()).isEqualTo("zgody-" + this.m + ".xlsx");
	}

	@Test
	void exportsEveryPartAsJsonAndXlsx() throws Exception {
		MvcTestResult json = this.mvc.get()
			.uri("/api/contacts/" + this.person.id() + "/personal-data")
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(json).hasStatusOk();
		assertThat(json).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsKeys("contact", "consent", "affiliations", "interactions", "followUps", "meetings", "history");
		assertThat(json).bodyJson().extractingPath("$.contact.emails[0]").isEqualTo(this.email);
		assertThat(json).bodyJson()
			.extractingPath("$.interactions[*].subject")
			.asArray()
			.contains("Call with Jan " + this.family);
		assertThat(json).bodyJson()
			.extractingPath("$.followUps[*].note")
			.asArray()
			.contains("Send " + this.family + " the minutes");
		assertThat(json).bodyJson().extractingPath("$.meetings[0].invitation.status").isEqualTo("ATTENDED");
		assertThat(json).bodyJson().extractingPath("$.consent.status").isEqualTo("GIVEN");
		assertThat(json).bodyJson().extractingPath("$.history[*].entity").asArray().contains("CONTACT", "AFFILIATION");

		MvcTestResult xlsx = this.mvc.get()
			.uri("/contacts/" + this.person.id() + "/personal-data.xlsx")
			.with(user("admin").roles("ADMIN"))
			.exchange();
		assertThat(xlsx).hasStatusOk();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactlyElementsOf(PersonalDataWorkbook.SHEETS);
			assertThat(text(workbook.getSheet("Contact"))).contains(this.email);
			assertThat(text(workbook.getSheet("Interactions"))).contains("Call with Jan " + this.family);
			assertThat(text(workbook.getSheet("Meetings"))).contains("Meeting " + this.m);
			assertThat(text(workbook.getSheet("History"))).contains("IMPORT");
			// every time says its zone: in the value, and in the header of a column of
			// times
			assertThat(find(workbook.getSheet("Contact"), "exportedAt").getStringCellValue())
				.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
			assertThat(workbook.getSheet("Interactions").getRow(1).getCell(1).getStringCellValue()).endsWith(" UTC");
			assertThat(workbook.getSheet("History").getRow(1).getCell(0).getStringCellValue()).endsWith(" UTC");
			for (String sheet : List.of("Interactions", "Follow-ups", "Meetings", "History")) {
				assertThat(text(workbook.getSheet(sheet).getRow(0)).split("\\|"))
					.filteredOn((header) -> header.startsWith("When") || header.endsWith(" at")
							|| header.startsWith("Starts") || header.startsWith("Completed"))
					.as(sheet)
					.isNotEmpty()
					.allMatch((header) -> header.endsWith("(UTC)"));
			}
			Cell notes = find(workbook.getSheet("Contact"), "notes");
			assertThat(notes.getCellType()).as("formula-safe").isEqualTo(CellType.STRING);
			assertThat(notes.getCellStyle().getQuotePrefixed()).isTrue();
		}
		assertThat(this.mvc.get()
			.uri("/api/contacts/" + this.person.id() + "/personal-data")
			.with(user("staff").roles("STAFF"))
			.exchange()).hasStatus(403);
	}

	@Test
	void erasureRemovesThePersonEverywhereButKeepsCounts() throws Exception {
		long id = this.person.id();
		Map<String, Object> before = counts();
		String storedFile = this.jdbc.queryForObject("SELECT stored_file FROM import_run WHERE id = ?", String.class,
				this.run.id());
		assertThat(this.storageDir.resolve(storedFile)).exists();
		// as the inbox files a run's spreadsheet: beside a result text naming the run
		Path filed = java.nio.file.Files.createDirectories(this.inboxDir.resolve("processed"))
			.resolve("lista-" + this.m + ".xlsx");
		java.nio.file.Files.writeString(filed, "spreadsheet naming " + this.family);
		java.nio.file.Files.writeString(filed.resolveSibling(filed.getFileName() + ".result.txt"),
				"Import " + this.run.id() + " of lista.xlsx: COMPLETED\n");
		Path other = filed.resolveSibling("other-" + this.m + ".xlsx");
		java.nio.file.Files.writeString(other, "another run's file");
		java.nio.file.Files.writeString(other.resolveSibling(other.getFileName() + ".result.txt"),
				"Import " + (this.run.id() + 1000) + " of other.xlsx: COMPLETED\n");
		assertThat(everything()).as("the person is there before").contains(this.email).contains(this.family);

		this.clock.advance(Duration.ofHours(1));
		assertThat(this.mvc.get().uri("/contacts/" + id + "/erase").with(user("admin").roles("ADMIN")).exchange())
			.bodyText()
			.contains("Erase for good");
		assertThat(this.mvc.post()
			.uri("/contacts/" + id + "/erase")
			.with(user(this.me.username()).roles("ADMIN"))
			.with(csrf())
			.exchange()).hasStatus(302);

		ContactDetails erased = this.contacts.get(id);
		assertThat(erased.displayName()).isEqualTo("Erased person #" + id);
		assertThat(this.mvc.get().uri("/contacts/" + id + "?lang=pl").with(user(this.me.username()).roles("ADMIN")))
			.as("the stored name, shown in the user's language")
			.bodyText()
			.contains("Osoba usunięta #" + id)
			.doesNotContain("Erased person");
		assertThat(erased.emails()).isEmpty();
		assertThat(erased.phones()).isEmpty();
		assertThat(erased.notes()).isNull();
		String all = everything();
		assertThat(all).doesNotContain(this.email)
			.doesNotContainIgnoringCase(this.family)
			.doesNotContain(this.phone.replace(" ", ""))
			.doesNotContain(this.phone);
		ByteArrayOutputStream rejections = new ByteArrayOutputStream();
		this.imports.writeRejections(this.run.id(), rejections);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(rejections.toByteArray()))) {
			assertThat(text(workbook.getSheetAt(0))).as("rejection report")
				.doesNotContain(this.email)
				.doesNotContainIgnoringCase(this.family)
				.contains("[erased]");
		}
		assertThat(this.storageDir.resolve(storedFile)).as("stored upload").doesNotExist();
		assertThat(filed).as("the inbox's filed copy of that run").doesNotExist();
		assertThat(filed.resolveSibling(filed.getFileName() + ".result.txt")).as("its result text (counts only)")
			.exists();
		assertThat(other).as("another run's filed spreadsheet").exists();
		assertThat(counts()).as("report-style counts").isEqualTo(before);
		SearchIndexCheck.assertConsistent(this.named, this.searchIndex, List.of(id), List.of());
		assertThat(this.history.contact(id)).first()
			.satisfies((e) -> assertThat(e.source()).isEqualTo(ChangeSource.ERASURE));
		List<Map<String, Object>> log = this.jdbc.queryForList("SELECT * FROM person_erasure WHERE contact_id = ?", id);
		assertThat(log).singleElement().satisfies((row) -> {
			assertThat(row.get("erased_by")).isEqualTo(this.me.username());
			assertThat(row.toString()).doesNotContain(this.family).doesNotContain(this.email);
		});
		assertThat(this.mvc.get().uri("/api/erasures").with(user("admin").roles("ADMIN")).exchange()).bodyJson()
			.extractingPath("$[0].contactId")
			.isEqualTo((int) id);
	}

	@Test
	void erasesAPersonDeletedEarlierFromWhatTheHistoryAndOtherModulesKept() throws Exception {
		long id = this.person.id();
		String storedFile = this.jdbc.queryForObject("SELECT stored_file FROM import_run WHERE id = ?", String.class,
				this.run.id());
		this.contacts.delete(id, null);
		assertThat(this.contacts.exists(id)).isFalse();
		assertThat(everything()).as("deleting keeps the person in the history and the interactions")
			.contains(this.email)
			.contains(this.family)
			.contains(this.phone.replace(" ", ""));
		Map<String, Object> before = counts();

		this.clock.advance(Duration.ofHours(1));
		assertThat(this.mvc.get()
			.uri("/admin/erasures?contactId=" + id)
			.with(user(this.me.username()).roles("ADMIN"))
			.exchange()).as("the admin enters the id of the deleted person")
			.redirectedUrl()
			.isEqualTo("/contacts/" + id + "/erase");
		assertThat(this.mvc.get().uri("/contacts/" + id + "/erase").with(user("admin").roles("ADMIN")).exchange())
			.bodyText()
			.contains("Erase for good", "Jan " + this.family, "was deleted earlier");
		assertThat(this.mvc.post()
			.uri("/contacts/" + id + "/erase")
			.with(user(this.me.username()).roles("ADMIN"))
			.with(csrf())
			.exchange()).as("back to the erasures: the person has no page")
			.redirectedUrl()
			.isEqualTo("/admin/erasures");

		assertThat(everything()).doesNotContain(this.email)
			.doesNotContainIgnoringCase(this.family)
			.doesNotContain(this.phone.replace(" ", ""))
			.doesNotContain(this.phone);
		assertThat(this.jdbc.queryForList("SELECT display_name, given_name, notes FROM contact_aud WHERE id = ?", id))
			.as("every revision, the deletion's too")
			.isNotEmpty()
			.allSatisfy((row) -> assertThat(row.values()).containsExactly("Erased person #" + id, null, null));
		for (String table : List.of("contact_email_aud", "contact_phone_aud", "contact_tag_aud")) {
			assertThat(
					this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE contact_id = ?", Long.class, id))
				.as(table)
				.isZero();
		}
		assertThat(this.jdbc.queryForMap("SELECT subject, summary, outcome FROM interaction WHERE id = ?", this.call))
			.as("redacted as for a living person")
			.containsEntry("subject", "Call with [erased]")
			.containsEntry("summary", null)
			.containsEntry("outcome", null);
		assertThat(this.storageDir.resolve(storedFile)).as("stored upload").doesNotExist();
		assertThat(this.contacts.exists(id)).as("erasing does not bring the record back").isFalse();
		assertThat(counts()).isEqualTo(before);
		assertThat(
				this.jdbc.queryForList("SELECT erased_by FROM person_erasure WHERE contact_id = ?", String.class, id))
			.containsExactly(this.me.username());
		assertThat(this.mvc.get().uri("/admin/erasures").with(user("admin").roles("ADMIN")).exchange()).bodyText()
			.as("the log lists it")
			.contains(">" + id + "<");

		long unknown = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1000 FROM contact_aud", Long.class)
				+ this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM contact", Long.class);
		assertThat(this.mvc.post()
			.uri("/api/contacts/" + unknown + "/erasure")
			.with(user(this.me.username()).roles("ADMIN"))
			.with(csrf())
			.exchange()).as("an id that never existed").hasStatus(404);
		assertThat(this.mvc.get().uri("/contacts/" + unknown + "/erase").with(user("admin").roles("ADMIN")).exchange())
			.hasStatus(404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM person_erasure WHERE contact_id = ?", Long.class,
				unknown))
			.isZero();
	}

	@Test
	void erasesAPersonDeletedEarlierThroughTheApi() {
		long id = this.person.id();
		this.contacts.delete(id, null);

		assertThat(this.mvc.post()
			.uri("/api/contacts/" + id + "/erasure")
			.with(user(this.me.username()).roles("ADMIN"))
			.with(csrf())
			.exchange()).hasStatus(204);

		assertThat(everything()).doesNotContain(this.email).doesNotContainIgnoringCase(this.family);
		assertThat(this.mvc.get().uri("/api/erasures").with(user("admin").roles("ADMIN")).exchange()).bodyJson()
			.extractingPath("$[0].contactId")
			.isEqualTo((int) id);
	}

	private Map<String, Object> counts() {
		return Map.of("interactionsByCountry",
				this.jdbc
					.queryForList("SELECT country, COUNT(*) AS n FROM interaction GROUP BY country ORDER BY country"),
				"attendance",
				this.jdbc.queryForList("SELECT status, COUNT(*) AS n FROM invitation GROUP BY status ORDER BY status"),
				"contacts", this.jdbc.queryForObject("SELECT COUNT(*) FROM contact", Long.class), "contactsByCountry",
				this.jdbc.queryForList("SELECT country, COUNT(*) AS n FROM contact GROUP BY country ORDER BY country"),
				"affiliations", this.jdbc.queryForObject("SELECT COUNT(*) FROM affiliation", Long.class),
				"interactionContacts",
				this.jdbc.queryForObject("SELECT COUNT(*) FROM interaction_contact", Long.class));
	}

	/** Every value of every table that may hold the person, as one text to search. */
	private String everything() {
		StringBuilder text = new StringBuilder();
		for (String table : TABLES) {
			this.jdbc.queryForList("SELECT * FROM " + table).forEach((row) -> text.append(row.values()).append('\n'));
		}
		return text.toString();
	}

	private byte[] partnerList() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Partners");
			row(sheet, 0, "Organization", "Country", "Name", "Email", "Phone", "City", "Consent date");
			row(sheet, 1, "Fundacja Zgody " + this.m, "PL", "Jan " + this.family, this.email, this.phone, "Łódź",
					"03.11.2025");
			row(sheet, 2, "Fundacja Zgody " + this.m, "PL", "Jan " + this.family, this.email, "", "x".repeat(250), "");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach((row) -> text.append(text(row)));
		return text.toString();
	}

	private static String text(Row row) {
		DataFormatter formatter = new DataFormatter();
		StringBuilder text = new StringBuilder();
		row.forEach((cell) -> text.append(formatter.formatCellValue(cell)).append('|'));
		return text.toString();
	}

	private static Cell find(Sheet sheet, String field) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && field.equals(row.getCell(0).getStringCellValue())) {
				return row.getCell(1);
			}
		}
		throw new AssertionError("no row " + field);
	}

}
