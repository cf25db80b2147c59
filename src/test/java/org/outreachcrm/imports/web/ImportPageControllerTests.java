package org.outreachcrm.imports.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.WebSecurityForTests;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.imports.DuplicateCheckState;
import org.outreachcrm.imports.ImportOptions;
import org.outreachcrm.imports.ImportStatus;
import org.outreachcrm.imports.ImportView;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.imports.MappingReview;
import org.outreachcrm.imports.ProblemView;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.Plurals;
import org.outreachcrm.shared.web.ViewFormats;
import org.outreachcrm.testsupport.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@WebMvcTest(ImportPageController.class)
@Import({ WebSecurityForTests.class, ViewFormats.class, Plurals.class, FixedClockConfiguration.class })
class ImportPageControllerTests {

	static final Instant NOW = FixedClockConfiguration.NOW;

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Imports imports;

	/** The password-change gate of every page asks it. */
	@MockitoBean
	UserAccounts users;

	@Test
	void staffMayNotSeeImports() {
		for (String path : List.of("/imports", "/imports/new", "/imports/7", "/imports/7/mapping")) {
			assertThat(this.mvc.get().uri(path).with(user("anna").roles("STAFF"))).as(path)
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(this.mvc.post().uri("/imports/7/undo").with(user("anna").roles("MANAGER")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		verify(this.imports, never()).undo(anyLong(), anyString());
	}

	@Test
	void listsTheHistoryWithCountsAndUndoForFinishedRealRuns() {
		given(this.imports.history(any(), any())).willReturn(new PageImpl<>(
				List.of(run(2, ImportStatus.COMPLETED, false, false), run(1, ImportStatus.COMPLETED, true, false)),
				PageRequest.of(0, 20), 2));

		MvcTestResult result = this.mvc.get().uri("/imports").with(user("ada").roles("ADMIN")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("partnerzy.xlsx", "Create and update", "dry run", "2 rejected", "Organizations: 2 new, 0 updated",
					"action=\"/imports/2/undo\"", "/imports/2/rejections.xlsx", "data-confirm=")
			.doesNotContain("action=\"/imports/1/undo\"");
	}

	@Test
	void anUploadIsPreparedAndTheMappingShownForReview() {
		given(this.imports.prepare(any(), eq("partnerzy.xlsx"), any(), eq("UI"), eq("ada")))
			.willReturn(run(5, ImportStatus.QUEUED, false, true));

		MvcTestResult result = this.mvc.post()
			.multipart()
			.uri("/imports")
			.file(new MockMultipartFile("file", "partnerzy.xlsx", "application/octet-stream", new byte[] { 1, 2 }))
			.param("mode", "UPDATE_ONLY")
			.param("dateOrder", "MONTH_FIRST")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/imports/5/mapping");
		verify(this.imports).prepare(any(), eq("partnerzy.xlsx"), eq(new ImportOptions(ImportMode.UPDATE_ONLY, false,
				null, null, org.outreachcrm.imports.mapping.DateOrder.MONTH_FIRST, Map.of())), eq("UI"), eq("ada"));
		verify(this.imports, never()).start(anyLong(), anyBoolean(), anyMap(), any(), anyString());
	}

	@Test
	void anUploadWithoutAFileAsksForOne() {
		MvcTestResult result = this.mvc.post()
			.multipart()
			.uri("/imports")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("Choose the file to import.");
	}

	@Test
	void anUnknownSavedMappingIsShownOnTheUploadForm() {
		given(this.imports.prepare(any(), any(), any(), any(), any()))
			.willThrow(new BusinessRuleException("import.template.unknown", "unknown", "Lista RO"));

		MvcTestResult result = this.mvc.post()
			.multipart()
			.uri("/imports?lang=ro")
			.file(new MockMultipartFile("file", "lista.csv", "text/csv", new byte[] { 1 }))
			.param("mappingTemplate", "Lista RO")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("Nu există nicio corespondență salvată cu numele „Lista RO”.");
	}

	@Test
	void anUnusableSheetIsExplainedOnTheMappingPage() {
		given(this.imports.chooseSheet(5, "Notatki"))
			.willThrow(new BusinessRuleException("import.sheet.unusable", "unusable", "Notatki", "no header row"));

		MvcTestResult result = this.mvc.post()
			.uri("/imports/5/sheet")
			.param("sheet", "Notatki")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasRedirectedUrl("/imports/5/mapping");
		given(this.imports.get(5)).willReturn(run(5, ImportStatus.QUEUED, false, true));
		given(this.imports.review(eq(5L), anyInt())).willReturn(review());
		assertThat(this.mvc.get()
			.uri("/imports/5/mapping")
			.flashAttr("flashError", "import.sheet.unusable")
			.flashAttr("flashErrorArgs", new Object[] { "Notatki", "no header row" })
			.with(user("ada").roles("ADMIN"))).bodyText()
			.contains("The sheet \u201cNotatki\u201d cannot be imported (no header row)");
	}

	@Test
	void showsHeadersPreviewAndTranslatedFieldChoices() {
		given(this.imports.get(5)).willReturn(run(5, ImportStatus.QUEUED, false, true));
		given(this.imports.review(eq(5L), anyInt())).willReturn(review());

		MvcTestResult result = this.mvc.get()
			.uri("/imports/5/mapping?lang=pl")
			.with(user("ada").roles("ADMIN"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Nazwa organizacji", "Adres e-mail", "Przewodnicząca", "— pomiń —", "Stanowisko",
					"<option value=\"EMAIL\" selected=\"selected\">E-mail osoby</option>", "Arkusz „Partnerzy”");
	}

	@Test
	void twoColumnsForOneFieldAreRefusedNextToTheForm() {
		given(this.imports.review(eq(5L), anyInt())).willReturn(review());
		given(this.imports.start(eq(5L), eq(true), anyMap(), isNull(), eq("ada")))
			.willThrow(new BusinessRuleException("import.mapping.duplicate", "Two columns", ImportField.EMAIL));

		MvcTestResult result = this.mvc.post()
			.uri("/imports/5/start")
			.param("columns[0]", "ORGANIZATION_NAME")
			.param("columns[1]", "EMAIL")
			.param("columns[2]", "EMAIL")
			.param("dryRun", "true")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"form-errors\"",
					"Two columns cannot both fill \u201cPerson&#39;s e-mail\u201d: leave one of them out.",
					"aria-invalid=\"true\"");
	}

	@Test
	void startsWithTheChosenMappingAndShowsTheRun() {
		MvcTestResult result = this.mvc.post()
			.uri("/imports/5/start")
			.param("columns[0]", "ORGANIZATION_NAME")
			.param("columns[1]", "")
			.param("templateName", " Lista PL ")
			.param("dryRun", "false")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/imports/5");
		Map<Integer, ImportField> expected = new java.util.HashMap<>();
		expected.put(0, ImportField.ORGANIZATION_NAME);
		expected.put(1, null);
		verify(this.imports).start(5L, false, expected, "Lista PL", "ada");
	}

	@Test
	void answersHtmxPollingWithTheProgressFragmentThatKeepsPolling() {
		ImportView running = run(5, ImportStatus.RUNNING, false, false);
		given(this.imports.get(eq(5L), any())).willReturn(running);

		MvcTestResult result = this.mvc.get()
			.uri("/imports/5")
			.header("HX-Request", "true")
			.with(user("ada").roles("ADMIN"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.startsWith("<section id=\"import-progress\"")
			.contains("hx-get=\"/imports/5\"", "hx-trigger=\"every 1s\"", "rows/s", "<progress")
			.doesNotContain("<html", "<nav");
	}

	@Test
	void aCompletedRunWhoseRecordsAreStillCheckedKeepsPollingAndSaysSoUntilTheCheckEnds() {
		ImportView checking = run(5, ImportStatus.COMPLETED, false, false, null, DuplicateCheckState.CHECKING);
		given(this.imports.get(eq(5L), any())).willReturn(checking);

		MvcTestResult result = this.mvc.get()
			.uri("/imports/5?lang=pl")
			.header("HX-Request", "true")
			.with(user("ada").roles("ADMIN"))
			.exchange();

		assertThat(result).bodyText()
			.contains("hx-trigger=\"every 1s\"", "id=\"import-duplicates-checking\"",
					"Sprawdzanie, czy rekordy utworzone lub zmienione przez ten import nie mają duplikatów",
					"action=\"/imports/5/undo\"")
			.doesNotContain("id=\"import-duplicates\"");

		given(this.imports.get(eq(5L), any()))
			.willReturn(run(5, ImportStatus.COMPLETED, false, false, 0, DuplicateCheckState.DONE));
		MvcTestResult done = this.mvc.get()
			.uri("/imports/5?lang=pl")
			.header("HX-Request", "true")
			.with(user("ada").roles("ADMIN"))
			.exchange();
		assertThat(done).bodyText()
			.contains("id=\"import-duplicates\"", "nie znaleziono możliwych duplikatów")
			.doesNotContain("hx-trigger", "import-duplicates-checking");
	}

	@Test
	void stopsPollingWhenFinishedAndShowsProblemsAndLinks() {
		given(this.imports.get(eq(5L), any())).willReturn(run(5, ImportStatus.COMPLETED, true, false));
		given(this.imports.problems(eq(5L), eq(200), any())).willReturn(
				List.of(new ProblemView(7, "REJECTED", "Adres e-mail", "\"nie-email\" is not a valid e-mail", null)));

		MvcTestResult result = this.mvc.get()
			.uri("/imports/5")
			.header("HX-Request", "true")
			.with(user("ada").roles("ADMIN"))
			.exchange();

		assertThat(result).bodyText()
			.contains("Completed", "Adres e-mail", "is not a valid e-mail", "/imports/5/rejections.xlsx",
					"action=\"/imports/5/rerun\"", "Import for real")
			.doesNotContain("hx-trigger", "action=\"/imports/5/undo\"");
	}

	@Test
	void asksForTheRunTheHistoryAndTheRejectionReportInTheLanguageOfThePages() throws Exception {
		Locale polish = Locale.forLanguageTag("pl");
		given(this.imports.get(eq(5L), any()))
			.willReturn(run(5, ImportStatus.FAILED, false, false).withMessage("Plik jest chroniony hasłem"));
		given(this.imports.history(any(), any())).willReturn(new PageImpl<>(
				List.of(run(5, ImportStatus.FAILED, false, false).withMessage("Plik jest chroniony hasłem")),
				PageRequest.of(0, 20), 1));

		assertThat(this.mvc.get().uri("/imports/5?lang=pl").with(user("ada").roles("ADMIN"))).bodyText()
			.contains("id=\"import-message\"", "Plik jest chroniony hasłem");
		assertThat(this.mvc.get().uri("/imports?lang=pl").with(user("ada").roles("ADMIN"))).bodyText()
			.contains("Plik jest chroniony hasłem");
		assertThat(this.mvc.get().uri("/imports/5/rejections.xlsx?lang=pl").with(user("ada").roles("ADMIN")))
			.hasStatusOk();

		verify(this.imports).get(5L, polish);
		verify(this.imports).history(any(), eq(polish));
		verify(this.imports).writeRejections(eq(5L), any(), eq(polish));
	}

	@Test
	void undoShowsWhatWasRemovedAndWhatWasKept() {
		RevertOutcome outcome = new RevertOutcome(2, 3, 3, 1, List.of("Organization 12 (name)"));
		given(this.imports.undo(5, "ada")).willReturn(outcome);

		MvcTestResult undo = this.mvc.post()
			.uri("/imports/5/undo")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(undo).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/imports/5");
		assertThat(undo).flash().containsEntry("undoOutcome", outcome);
		given(this.imports.get(eq(5L), any())).willReturn(run(5, ImportStatus.COMPLETED, false, false));
		MvcTestResult page = this.mvc.get()
			.uri("/imports/5")
			.flashAttr("undoOutcome", outcome)
			.flashAttr("flash", "import.undone")
			.with(user("ada").roles("ADMIN"))
			.exchange();
		assertThat(page).bodyText()
			.contains("The import has been undone.", "Removed: 2 organizations, 3 people, 3 links.",
					"Fields restored to their previous value: 1.", "Organization 12 (name)");
	}

	@Test
	void aBrokenUndoRuleIsShownInTheUsersLanguage() {
		given(this.imports.undo(5, "ada"))
			.willThrow(new BusinessRuleException("import.undo.dryRun", "A dry run wrote nothing"));

		MvcTestResult undo = this.mvc.post()
			.uri("/imports/5/undo")
			.with(user("ada").roles("ADMIN"))
			.with(csrf())
			.exchange();

		assertThat(undo).hasRedirectedUrl("/imports/5");
		assertThat(undo).flash().containsEntry("flashError", "import.undo.dryRun");
	}

	static ImportView run(long id, ImportStatus status, boolean dryRun, boolean awaitingReview) {
		return run(id, status, dryRun, awaitingReview, null, null);
	}

	static ImportView run(long id, ImportStatus status, boolean dryRun, boolean awaitingReview,
			@Nullable Integer possibleDuplicates, @Nullable DuplicateCheckState check) {
		boolean finished = status == ImportStatus.COMPLETED;
		return new ImportView(id, "partnerzy.xlsx", status, "UI", ImportMode.CREATE_AND_UPDATE, dryRun, "XLSX",
				"Partnerzy", 5, finished ? 3 : 2, 2, 0, 2, 2, 0, 3, 0, 3, null, "ada", NOW.minusSeconds(60),
				NOW.minusSeconds(50), finished ? NOW.minusSeconds(48) : null, null, null, awaitingReview, null, null,
				possibleDuplicates, check);
	}

	static MappingReview review() {
		return new MappingReview(run(5, ImportStatus.QUEUED, false, true), List.of("Partnerzy"), "Partnerzy", 3,
				List.of("Nazwa organizacji", "Adres e-mail", "Stanowisko"),
				Map.of(0, ImportField.ORGANIZATION_NAME, 1, ImportField.EMAIL, 2, ImportField.JOB_TITLE),
				List.of(List.of("Związek Zawodowy", "anna@zzp.example.pl", "Przewodnicząca")));
	}

}
