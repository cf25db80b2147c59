package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Import counts people can trust (issue 17): a dry run says what it would import, counts
 * use each language's plural forms, and a rejected row lists every problem found in it.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class ImportCountsTest {

	static final String ADMIN = "ada-counts";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Imports imports;

	@Autowired
	UserAccounts users;

	@BeforeEach
	void anAdmin() {
		Staff.ensureAccount(this.users, ADMIN, Role.ADMIN);
	}

	@Test
	void aRejectedRowListsEveryProblemInThePageTheApiAndTheRejectionReport() throws Exception {
		String m = marker();
		ImportView run = finished(file(m, "Art collective"), false);

		MvcTestResult problems = this.mvc.get()
			.uri("/api/imports/" + run.id() + "/problems")
			.with(user(ADMIN).roles("ADMIN"))
			.exchange();
		assertThat(problems).bodyJson()
			.extractingPath("$[?(@.row == 4)].message")
			.asArray()
			.anySatisfy((message) -> assertThat(String.valueOf(message)).contains("\"bad-mail\""))
			.anySatisfy((message) -> assertThat(String.valueOf(message)).contains("Atlantyda"));
		assertThat(this.mvc.get().uri("/imports/" + run.id() + "?lang=en").with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("bad-mail", "is not a valid e-mail address.", "Atlantyda");

		MvcTestResult report = this.mvc.get()
			.uri("/imports/" + run.id() + "/rejections.xlsx?lang=en")
			.with(user(ADMIN).roles("ADMIN"))
			.exchange();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row row = sheet.getRow(1);
			String reason = row.getCell(row.getLastCellNum() - 1).getStringCellValue();
			assertThat(reason).contains("bad-mail").contains("Atlantyda");
		}
	}

	@Test
	void aDryRunSaysWhatItWouldImportAndWarningsUsePluralForms() throws Exception {
		String m = marker();
		ImportView run = finished(file(m, "NGO"), true);
		assertThat(run.rowsImported()).isEqualTo(2);
		assertThat(run.warnings()).isEqualTo(1);

		String list = this.mvc.get()
			.uri("/imports?lang=en")
			.with(user(ADMIN).roles("ADMIN"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("would import 2").contains("1 warning<").doesNotContain("1 warnings");
		assertThat(this.mvc.get().uri("/imports?lang=pl").with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("do zaimportowania: 2", "1 ostrzeżenie");
		assertThat(this.mvc.get().uri("/imports?lang=ro").with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("s-ar importa: 2", "1 avertisment");
		assertThat(this.mvc.get().uri("/imports/" + run.id() + "?lang=en").with(user(ADMIN).roles("ADMIN"))).bodyText()
			.contains("Would be imported");
	}

	// two good rows; a third with a bad e-mail (rejected) and an unknown country
	// (warning)
	private static byte[] file(String m, String secondType) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Partners");
			row(sheet, 0, "Organization name", "Organization type", "Country", "Full name", "E-mail");
			row(sheet, 1, "Counted Union " + m, "NGO", "PL", "Anna Count " + m, "anna." + m + "@example.org");
			row(sheet, 2, "Counted Foundation " + m, secondType, "RO", "Ion Count " + m, "ion." + m + "@example.org");
			row(sheet, 3, "Counted Collective " + m, "", "Atlantyda", "Jan Count " + m, "bad-mail");
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

	private ImportView finished(byte[] file, boolean dryRun) {
		ImportOptions options = new ImportOptions(ImportMode.CREATE_AND_UPDATE, dryRun, null, null, DateOrder.DAY_FIRST,
				java.util.Map.of());
		ImportView submitted = this.imports.submit(new ByteArrayInputStream(file), "counted.xlsx", options, "API",
				"admin");
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(submitted.id()), ImportView::finished);
	}

}
