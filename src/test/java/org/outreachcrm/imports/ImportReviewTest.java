package org.outreachcrm.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.testdata.Bundles;
import org.outreachcrm.imports.testdata.PartnerListFiles;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.outreachcrm.testsupport.DirectoryData.marker;

/** Imports from the screens: prepared, reviewed, started, and imported for real. */
@DatabaseTest
@SpringBootTest
class ImportReviewTest {

	@Autowired
	Imports imports;

	@Autowired
	ImportRuns runs;

	@Autowired
	MessageSource messages;

	@Test
	void aPreparedImportWaitsForReviewAndShowsHeadersAndFirstRows() throws Exception {
		ImportView prepared = prepare(marker());

		assertThat(prepared.status()).isEqualTo(ImportStatus.QUEUED);
		assertThat(prepared.awaitingReview()).isTrue();
		assertThat(this.runs.unfinished()).as("the worker does not pick it up, not even after a restart")
			.doesNotContain(prepared.id());
		MappingReview review = this.imports.review(prepared.id(), 5);
		assertThat(review.sheetNames()).containsExactly("Partnerzy");
		assertThat(review.headerRow()).isEqualTo(3);
		assertThat(review.headers()).startsWith("Nazwa organizacji", "Typ organizacji");
		assertThat(review.fields()).containsEntry(0, ImportField.ORGANIZATION_NAME)
			.containsEntry(5, ImportField.JOB_TITLE);
		assertThat(review.preview()).hasSize(5);
		assertThat(review.preview().get(0).get(5)).isEqualTo("Przewodnicząca");
		assertThat(this.imports.get(prepared.id()).status()).isEqualTo(ImportStatus.QUEUED);
	}

	@Test
	void startsWithTheAdminsCorrectionsAndRefusesTwoColumnsForOneField() throws Exception {
		ImportView prepared = prepare(marker());

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.start(prepared.id(), true, Map.of(5, ImportField.EMAIL), null, "admin"))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("import.mapping.duplicate");
				assertThat(ex.arguments()).containsExactly(ImportField.EMAIL);
			});
		Map<Integer, ImportField> leaveOutJobTitle = new HashMap<>();
		leaveOutJobTitle.put(5, null);
		this.imports.start(prepared.id(), true, leaveOutJobTitle, null, "admin");

		ImportView dry = finished(prepared.id());
		assertThat(dry.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.awaitingReview()).isFalse();
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.start(prepared.id(), false, Map.of(), null, "admin"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.start.notAwaiting"));

		ImportView real = finished(this.imports.runForReal(prepared.id(), "admin").id());
		assertThat(real.dryRun()).isFalse();
		assertThat(real.status()).isEqualTo(ImportStatus.COMPLETED);
		assertThat(real.rowsRead()).isEqualTo(dry.rowsRead());
		assertThat(real.contactsCreated()).isEqualTo(dry.contactsCreated());
		assertThat(this.imports.review(real.id(), 0).fields()).doesNotContainKey(5);
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.runForReal(real.id(), "admin"));
	}

	@Test
	void savesTheChosenMappingForFilesOfTheSameShape() {
		// a header of its own: a saved template applies to every file with these headers
		String m = marker();
		String csv = "Nazwa organizacji;E-mail;Uwagi " + m + "\r\nFundacja " + m + ";" + m + "@example.pl;x\r\n";
		ImportView prepared = this.imports.prepare(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				"lista.csv", ImportOptions.defaults(), "UI", "admin");
		String template = "lista " + m;

		// a name longer than a name may be is refused, and the run still waits for review
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.start(prepared.id(), true, Map.of(2, ImportField.NOTES),
					"n".repeat(MappingTemplates.MAX_NAME + 1), "admin"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.template.nameTooLong"));
		assertThat(this.imports.get(prepared.id()).awaitingReview()).isTrue();
		this.imports.start(prepared.id(), true, Map.of(2, ImportField.NOTES), template, "admin");

		assertThat(this.imports.mappingTemplates()).contains(template);
		ImportView next = this.imports.prepare(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				"lista.csv", ImportOptions.defaults(), "UI", "admin");
		assertThat(this.imports.review(next.id(), 1).fields()).containsEntry(2, ImportField.NOTES);
	}

	@Test
	void anotherSheetCanBeChosenAndAnUnusableOneKeepsThePlan(@TempDir Path dir) throws Exception {
		Path file = PartnerListFiles.xlsx(dir);
		ImportView prepared = this.imports.prepare(Files.newInputStream(file), "partners.xlsx",
				ImportOptions.defaults(), "UI", "admin");
		assertThat(this.imports.review(prepared.id(), 5).sheetNames()).containsExactly("Notatki", "Partnerzy");

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.chooseSheet(prepared.id(), "Notatki"))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("import.sheet.unusable");
				// the reason is an argument, translated with the sentence around it
				assertThat(this.messages.getMessage(ex.messageKey(), ex.arguments(), Bundles.POLISH))
					.startsWith("Arkusza „Notatki” nie da się zaimportować (Arkusz „Notatki” w pliku „partners.xlsx” "
							+ "nie ma wiersza nagłówków");
			});
		MappingReview kept = this.imports.review(prepared.id(), 5);
		assertThat(kept.sheetName()).isEqualTo("Partnerzy");
		assertThat(kept.headers()).isEqualTo(PartnerListFiles.HEADERS);
		assertThat(this.imports.get(prepared.id()).awaitingReview()).isTrue();

		this.imports.chooseSheet(prepared.id(), "Partnerzy");
		assertThat(this.imports.review(prepared.id(), 5).headerRow()).isEqualTo(3);
	}

	@Test
	void anUnknownTemplateIsRefusedAndLeavesNoRunWaiting() throws Exception {
		ImportOptions options = new ImportOptions(ImportMode.CREATE_AND_UPDATE, false, "no such template " + marker(),
				null, DateOrder.DAY_FIRST, Map.of());

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.imports.prepare(new ByteArrayInputStream(ImportJobTest.partnerList(marker())),
					"partnerzy.xlsx", options, "UI", "admin"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.template.unknown"));
		ImportView newest = this.imports.history(PageRequest.of(0, 1), Locale.ENGLISH).getContent().get(0);
		assertThat(newest.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(newest.message()).startsWith("There is no saved mapping called");
		assertThat(newest.messageCode()).isEqualTo("import.template.unknown");
		assertThat(this.imports.get(newest.id(), Bundles.POLISH).message())
			.isEqualTo("Nie ma zapisanego mapowania o nazwie „" + options.mappingTemplate() + "”.");
		assertThat(newest.awaitingReview()).isFalse();
		assertThat(this.runs.unfinished()).doesNotContain(newest.id());
	}

	private ImportView prepare(String m) throws Exception {
		return this.imports.prepare(new ByteArrayInputStream(ImportJobTest.partnerList(m)), "partnerzy.xlsx",
				new ImportOptions(ImportMode.CREATE_AND_UPDATE, false, null, null, DateOrder.DAY_FIRST, Map.of()), "UI",
				"admin");
	}

	private ImportView finished(long id) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.imports.get(id), ImportView::finished);
	}

}
