package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.imports.testdata.Bundles;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Import messages are stored as keys with arguments and read in the reader's language:
 * the pages and the rejection report in the language the admin chose, the API in the
 * request's Accept-Language (English by default, with the same fields as before).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class ImportLanguagesTest {

	static final String ADMIN = "ada-languages";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Imports imports;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void anAdmin() {
		Staff.ensureAccount(this.users, ADMIN, Role.ADMIN);
	}

	@Test
	void storesTheKeyTheArgumentsAndTheEnglishSentence() throws Exception {
		ImportView run = finished(PartnerListFiles.polishList(marker()));

		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT message, message_code, message_args FROM import_problem WHERE import_id = ? AND row_no = 7",
				run.id());

		assertThat(row.get("message")).isEqualTo("\"nie-email\" is not a valid e-mail address.");
		assertThat(row.get("message_code")).isEqualTo("imports.mapping.malformed-email");
		assertThat(row.get("message_args")).isEqualTo("[\"nie-email\"]");
	}

	@Test
	void aPolishAdminReadsTheReasonsOnTheRunPageAndInTheRejectionReport() throws Exception {
		ImportView run = finished(PartnerListFiles.polishList(marker()));

		assertThat(this.mvc.get().uri("/imports/" + run.id() + "?lang=pl").with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("„nie-email” nie jest prawidłowym adresem e-mail.",
					"Wiersz nie wskazuje ani organizacji, ani osoby",
					"„Atlantyda” nie jest znaną nam nazwą ani kodem kraju")
			.doesNotContain("is not a valid e-mail address");

		MvcTestResult report = this.mvc.get()
			.uri("/imports/" + run.id() + "/rejections.xlsx?lang=pl")
			.with(user(ADMIN).roles("ADMIN"))
			.exchange();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Odrzucone wiersze");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Wiersz");
			assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Powód");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue())
				.isEqualTo("Adres e-mail: „nie-email” nie jest prawidłowym adresem e-mail.");
		}
	}

	@Test
	void aRomanianAdminReadsTheRejectionReportInRomanian() throws Exception {
		ImportView run = finished(PartnerListFiles.polishList(marker()));

		MvcTestResult report = this.mvc.get()
			.uri("/imports/" + run.id() + "/rejections.xlsx")
			.cookie(new Cookie("crm-lang", "ro"))
			.with(user(ADMIN).roles("ADMIN"))
			.exchange();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Rânduri respinse");
			assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Motiv");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue())
				.isEqualTo("Adres e-mail: „nie-email” nu este o adresă de e-mail validă.");
			assertThat(sheet.getRow(2).getCell(7).getStringCellValue())
				.startsWith("Rândul nu numește nici o organizație, nici o persoană");
		}
		assertThat(this.mvc.get()
			.uri("/imports/" + run.id())
			.cookie(new Cookie("crm-lang", "ro"))
			.with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("„Kolektyw artystyczny” nu este un tip de organizație pe care îl cunoaștem");
	}

	@Test
	void theApiAnswersAFailedRunInEnglishUnlessAskedForAnotherLanguage() throws Exception {
		MvcTestResult submitted = this.mvc.post()
			.uri("/api/imports")
			.multipart()
			.file(new MockMultipartFile("file", "partners.xlsx", "application/octet-stream",
					"%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII)))
			.with(httpBasic("admin", "Admin-Passw0rd-for-tests"))
			.exchange();
		assertThat(submitted).hasStatus(202);
		assertThat(submitted).bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Not a spreadsheet: the content of \"partners.xlsx\" is a PDF document.");
		assertThat(submitted).bodyJson()
			.extractingPath("$.messageCode")
			.isEqualTo("imports.reading.not-a-spreadsheet-pdf");
		assertThat(submitted).bodyJson().extractingPath("$").asMap().doesNotContainKeys("messageText", "text");
		Number id = JsonPath.read(submitted.getResponse().getContentAsString(), "$.id");

		assertThat(api("/api/imports/" + id, null)).bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Not a spreadsheet: the content of \"partners.xlsx\" is a PDF document.");
		assertThat(api("/api/imports/" + id, "de-DE,de;q=0.9")).bodyJson()
			.extractingPath("$.message")
			.asString()
			.startsWith("Not a spreadsheet");
		assertThat(api("/api/imports/" + id, "pl-PL,pl;q=0.9,en;q=0.5")).bodyJson()
			.extractingPath("$.message")
			.isEqualTo("To nie jest arkusz kalkulacyjny: plik „partners.xlsx” zawiera dokument PDF.");
		assertThat(api("/api/imports?size=50", "ro")).bodyJson()
			.extractingPath("$.content[?(@.id == " + id + ")].message")
			.asArray()
			.containsExactly("Nu este o foaie de calcul: conținutul fișierului „partners.xlsx” este un document PDF.");
	}

	@Test
	void theApiListsProblemsWithTheirCodeInTheAskedLanguage() throws Exception {
		ImportView run = finished(PartnerListFiles.polishList(marker()));

		MvcTestResult english = api("/api/imports/" + run.id() + "/problems", null);
		assertThat(english).bodyJson()
			.extractingPath("$[?(@.row == 7)].message")
			.asArray()
			.containsExactly("\"nie-email\" is not a valid e-mail address.");
		assertThat(english).bodyJson()
			.extractingPath("$[?(@.row == 7)].messageCode")
			.asArray()
			.containsExactly("imports.mapping.malformed-email");
		assertThat(api("/api/imports/" + run.id() + "/problems", "ro")).bodyJson()
			.extractingPath("$[?(@.row == 7)].message")
			.asArray()
			.containsExactly("„nie-email” nu este o adresă de e-mail validă.");
	}

	@Test
	void aRunStoredBeforeMessagesHadKeysShowsItsSentenceAsItIs() throws Exception {
		ImportView failed = this.imports.submit(
				new ByteArrayInputStream("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)), "old.xlsx",
				ImportOptions.defaults(), "API", "admin");
		ImportView completed = finished(PartnerListFiles.polishList(marker()));
		this.jdbc.update("UPDATE import_run SET message = ?, message_code = NULL, message_args = NULL WHERE id = ?",
				"An old sentence", failed.id());
		this.jdbc.update("""
				UPDATE import_problem SET message = ?, message_code = NULL, message_args = NULL
				WHERE import_id = ? AND row_no = 7""", "An old reason", completed.id());

		assertThat(this.imports.get(failed.id(), Bundles.POLISH).message()).isEqualTo("An old sentence");
		assertThat(this.imports.get(failed.id(), Bundles.POLISH).messageCode()).isNull();
		assertThat(this.mvc.get().uri("/imports/" + failed.id() + "?lang=pl").with(user(ADMIN).roles("ADMIN")))
			.bodyText()
			.contains("An old sentence");
		List<ProblemView> problems = this.imports.problems(completed.id(), 10, Bundles.POLISH);
		assertThat(problems).filteredOn((p) -> p.row() == 7)
			.extracting(ProblemView::message)
			.containsExactly("An old reason");
		assertThat(problems).filteredOn((p) -> p.row() == 8)
			.extracting(ProblemView::message)
			.singleElement()
			.asString()
			.startsWith("Wiersz nie wskazuje");
	}

	private MvcTestResult api(String uri, String acceptLanguage) {
		var request = this.mvc.get().uri(uri).with(httpBasic("admin", "Admin-Passw0rd-for-tests"));
		return (acceptLanguage == null ? request : request.header("Accept-Language", acceptLanguage)).exchange();
	}

	private ImportView finished(byte[] file) {
		ImportView submitted = this.imports.submit(new ByteArrayInputStream(file), "partnerzy.xlsx",
				ImportOptions.defaults(), "API", "admin");
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(submitted.id()), ImportView::finished);
	}

}
