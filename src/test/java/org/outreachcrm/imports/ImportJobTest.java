package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.outreachcrm.directory.ContactSummary;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/** The import job end to end: a real file, the Batch job, the database, undo. */
@DatabaseTest
@SpringBootTest
class ImportJobTest {

	@Autowired
	Imports imports;

	@Autowired
	tools.jackson.databind.ObjectMapper json;

	@Autowired
	Organizations organizations;

	@Autowired
	Contacts contacts;

	@Autowired
	CurrentScope scope;

	@Test
	void importsAPolishListWithTitleRowsWarningsAndRejections() throws Exception {
		String m = marker();
		byte[] file = partnerList(m);

		ImportView run = finished(submit(file, ImportOptions.defaults()));

		assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(this.json.valueToTree(run).get("rowsPerSecond").asDouble()).as("rate in the API").isPositive();
		assertThat(run.rowsRead()).isEqualTo(5);
		assertThat(run.rowsRejected()).isEqualTo(2);
		assertThat(run.rowsImported()).isEqualTo(3);
		assertThat(run.organizationsCreated()).isEqualTo(2);
		assertThat(run.contactsCreated()).isEqualTo(3);
		assertThat(run.warnings()).as("unknown type, unknown country").isEqualTo(2);
		OrganizationSummary union = orgs("zwiazek " + m).get(0);
		assertThat(union.type()).isEqualTo(OrganizationType.TRADE_UNION);
		assertThat(union.country()).isEqualTo("PL");
		ContactSummary anna = people("wisniewska " + m).get(0);
		assertThat(anna.email()).isEqualTo(m + "anna@zzp.example.pl");
		assertThat(anna.role()).isEqualTo("Przewodnicząca");
		assertThat(this.imports.problems(run.id(), 100)).anySatisfy((p) -> {
			assertThat(p.severity()).isEqualTo("REJECTED");
			assertThat(p.column()).isEqualTo("Adres e-mail");
			assertThat(p.message()).contains("not a valid e-mail");
		});

		ByteArrayOutputStream report = new ByteArrayOutputStream();
		this.imports.writeRejections(run.id(), report);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Nazwa organizacji");
			assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Reason");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("nie-email");
			assertThat(sheet.getRow(2).getCell(7).getStringCellValue())
				.contains("neither an organization nor a person");
		}
	}

	@Test
	void importingTheSameFileTwiceCreatesNothingTheSecondTime() throws Exception {
		String m = marker();
		byte[] file = partnerList(m);
		finished(submit(file, ImportOptions.defaults()));

		ImportView second = finished(submit(file, ImportOptions.defaults()));

		assertThat(second.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(second.organizationsCreated() + second.contactsCreated() + second.affiliationsCreated()).isZero();
		assertThat(second.organizationsUpdated() + second.contactsUpdated()).isZero();
		assertThat(orgs(m)).hasSize(2);
	}

	@Test
	void dryRunCountsLikeTheRealRunAndWritesNothing() throws Exception {
		String m = marker();
		byte[] file = partnerList(m);

		ImportView dry = finished(submit(file,
				new ImportOptions(ImportMode.CREATE_AND_UPDATE, true, null, null, DateOrder.DAY_FIRST, Map.of())));

		assertThat(dry.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(orgs(m)).isEmpty();
		ImportView real = finished(submit(file, ImportOptions.defaults()));
		assertThat(List.of(dry.rowsRead(), dry.rowsRejected(), dry.organizationsCreated(), dry.contactsCreated()))
			.isEqualTo(
					List.of(real.rowsRead(), real.rowsRejected(), real.organizationsCreated(), real.contactsCreated()));
	}

	@Test
	void undoRemovesWhatTheImportCreated() throws Exception {
		String m = marker();
		ImportView run = finished(submit(partnerList(m), ImportOptions.defaults()));
		assertThat(orgs(m)).hasSize(2);

		RevertOutcome undone = this.imports.undo(run.id(), "admin");

		assertThat(undone.organizationsRemoved()).isEqualTo(2);
		assertThat(undone.contactsRemoved()).isEqualTo(3);
		assertThat(orgs(m)).isEmpty();
		assertThat(people(m)).isEmpty();
		assertThat(this.imports.get(run.id()).undoneBy()).isEqualTo("admin");
	}

	@Test
	void aFileThatIsNotASpreadsheetFailsWithAClearMessage() {
		ImportView run = this.imports.submit(
				new ByteArrayInputStream("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII)), "partners.xlsx",
				ImportOptions.defaults(), "API", "admin");

		assertThat(run.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.message()).contains("PDF");
		assertThatThrownBy(() -> this.imports.review(run.id(), 5)).as("no plan to review")
			.isInstanceOf(org.outreachcrm.shared.NotFoundException.class);
	}

	@Test
	void aCsvInWindows1250WithSemicolonsImports() throws Exception {
		String m = marker();
		String csv = "Nazwa organizacji;Kraj;Miasto;Imię;Nazwisko;E-mail\r\n" + "Fundacja Łódzka " + m
				+ ";Polska;Łódź;Grażyna;Żółć;" + m + "@lodz.example.pl\r\n";
		ImportView run = finished(this.imports.submit(new ByteArrayInputStream(csv.getBytes("windows-1250")),
				"lista.csv", ImportOptions.defaults(), "API", "admin"));

		assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(orgs("lodzka " + m)).singleElement().satisfies((o) -> assertThat(o.city()).isEqualTo("Łódź"));
		assertThat(people("zolc " + m)).singleElement()
			.satisfies((p) -> assertThat(p.displayName()).isEqualTo("Grażyna Żółć"));
	}

	@Test
	void aUserLimitedToSomeCountriesImportsOnlyRowsOfThoseCountries() throws Exception {
		String m = marker();
		String csv = "Nazwa organizacji;Kraj;Imię;Nazwisko;E-mail\r\n" //
				+ "Fundacja Polska " + m + ";Polska;Anna;Nowak;" + m + "anna@example.pl\r\n" //
				+ "Stiftung Berlin " + m + ";Deutschland;Jan;Schmidt;" + m + "jan@example.de\r\n" //
				+ "Bez Kraju " + m + ";;Ewa;Lis;" + m + "ewa@example.pl\r\n" //
				+ "Fundația Română " + m + ";Romania;Ion;Pop;" + m + "ion@example.ro\r\n";
		ImportView[] submitted = new ImportView[1];
		// the scope in force when the admin submits; the job itself runs on another
		// thread, with the scope stored with the run
		this.scope.runAs(CountryScope.of(Set.of("PL", "RO")),
				() -> submitted[0] = this.imports.submit(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
						"lista.csv", ImportOptions.defaults(), "API", "scoped-admin"));

		ImportView run = finished(submitted[0]);

		assertThat(run.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(run.rowsRejected()).isEqualTo(2);
		assertThat(run.organizationsCreated()).isEqualTo(2);
		assertThat(orgs(m)).extracting(OrganizationSummary::country).containsExactlyInAnyOrder("PL", "RO");
		assertThat(people(m)).extracting(ContactSummary::displayName)
			.containsExactlyInAnyOrder("Anna Nowak", "Ion Pop");
		assertThat(this.imports.problems(run.id(), 10))
			.extracting(ProblemView::row, ProblemView::severity, ProblemView::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "REJECTED", "Kraj"),
					org.assertj.core.groups.Tuple.tuple(4L, "REJECTED", "Kraj"));
		assertThat(this.imports.problems(run.id(), 10).get(0).message()).contains("country DE is outside your scope");
		assertThat(this.imports.problems(run.id(), 10).get(1).message()).contains("no country").contains("PL, RO");
	}

	@Test
	void aDryRunOfAScopedUserRejectsTheSameRows() throws Exception {
		String m = marker();
		String csv = "Nazwa organizacji;Kraj\r\n" + "Fundacja " + m + ";PL\r\n" + "Stiftung " + m + ";DE\r\n";
		ImportView[] submitted = new ImportView[1];
		this.scope.runAs(CountryScope.of(Set.of("DE")), () -> submitted[0] = this.imports.submit(
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "lista.csv",
				new ImportOptions(ImportMode.CREATE_AND_UPDATE, true, null, null, DateOrder.DAY_FIRST, Map.of()), "API",
				"scoped-admin"));

		ImportView dry = finished(submitted[0]);

		assertThat(dry.rowsRejected()).isEqualTo(1);
		assertThat(dry.organizationsCreated()).isEqualTo(1);
		assertThat(this.imports.problems(dry.id(), 10)).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("country PL is outside your scope"));
		assertThat(orgs(m)).isEmpty();
	}

	private ImportView submit(byte[] file, ImportOptions options) {
		return this.imports.submit(new ByteArrayInputStream(file), "partnerzy.xlsx", options, "API", "admin");
	}

	private ImportView finished(ImportView run) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(run.id()), ImportView::finished);
	}

	private List<OrganizationSummary> orgs(String q) {
		return this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

	private List<ContactSummary> people(String q) {
		return this.contacts.search(DirectoryQuery.text(q), PageRequest.of(0, 50)).getContent();
	}

	/** A list as coordinators send them: see {@link PartnerListFiles#polishList}. */
	static byte[] partnerList(String m) throws IOException {
		return PartnerListFiles.polishList(m);
	}

}
