package org.outreachcrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.duplicates.ImportPairs;
import org.outreachcrm.directory.bulk.RevertOutcome;
import org.outreachcrm.imports.ImportRuns.StoredPlan;
import org.outreachcrm.imports.ImportText.Codes;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Accepts partner lists, plans how to read them (format, sheet, header row, column
 * mapping), queues the import job, and offers the history, the rejection report and undo.
 */
@Service
public class Imports {

	private final ImportRuns runs;

	private final ImportLauncher launcher;

	private final ImportPlanner planner;

	private final MappingTemplates templates;

	private final DirectoryImport directory;

	private final ImportsProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final CurrentScope scope;

	private final ImportTexts texts;

	private final ImportDuplicates duplicates;

	Imports(ImportRuns runs, ImportLauncher launcher, ImportPlanner planner, MappingTemplates templates,
			DirectoryImport directory, ImportsProperties properties, ObjectMapper json, Clock clock, CurrentScope scope,
			ImportTexts texts, ImportDuplicates duplicates) {
		this.duplicates = duplicates;
		this.scope = scope;
		this.texts = texts;
		this.runs = runs;
		this.launcher = launcher;
		this.planner = planner;
		this.templates = templates;
		this.directory = directory;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the file, plans the import and queues it at once, with the mapping found in
	 * the file (API and inbox). A file that cannot be imported at all (not a spreadsheet,
	 * password-protected, no header row) ends FAILED at once, with the reason in its
	 * message.
	 */
	public ImportView submit(InputStream content, String fileName, ImportOptions options, String source, String user) {
		return submit(content, fileName, options, source, user, this.scope.get());
	}

	/**
	 * As {@link #submit(InputStream, String, ImportOptions, String, String)}, in the
	 * given country scope rather than the current one (the inbox folder has no user).
	 */
	ImportView submit(InputStream content, String fileName, ImportOptions options, String source, String user,
			CountryScope scope) {
		ImportView prepared = prepare(content, fileName, options, source, user, scope);
		if (prepared.status() == ImportStatus.FAILED) {
			return prepared;
		}
		return start(prepared.id(), options.dryRun(), Map.of(), null, user, scope);
	}

	/**
	 * Stores the file and plans the import without starting it, so that the admin can
	 * review the mapping first ({@link #review}, {@link #start}). The run is QUEUED and
	 * {@link ImportView#awaitingReview() awaiting review}; the worker leaves it alone. A
	 * file that cannot be imported ends FAILED at once, as in {@link #submit}.
	 */
	public ImportView prepare(InputStream content, String fileName, ImportOptions options, String source, String user) {
		return prepare(content, fileName, options, source, user, this.scope.get());
	}

	private ImportView prepare(InputStream content, String fileName, ImportOptions options, String source, String user,
			CountryScope scope) {
		String stored = UUID.randomUUID() + ".upload";
		Path file = this.properties.storageDir().resolve(stored);
		try {
			Files.createDirectories(this.properties.storageDir());
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the uploaded file", ex);
		}
		String safeName = Path.of(fileName.replace('\\', '/')).getFileName().toString();
		long id = this.runs.create(safeName, stored, source, options, user, this.clock.instant(), true, scope);
		plan(id, file, safeName, options);
		return this.runs.get(id);
	}

	/**
	 * Re-plans a prepared run from another sheet of its workbook; the mapping is found
	 * again from that sheet's headers.
	 * @throws BusinessRuleException {@code import.sheet.unusable} (arguments: the sheet,
	 * the reason) when that sheet cannot be imported; the run keeps its previous plan, so
	 * a wrong choice costs no new upload
	 */
	public ImportView chooseSheet(long id, String sheetName) {
		ImportView run = awaitingReview(id);
		StoredPlan stored = this.runs.storedPlan(id).orElseThrow(() -> new NotFoundException("Import plan", id));
		ImportOptions options = new ImportOptions(run.mode(), run.dryRun(), null, sheetName,
				DateOrder.valueOf(stored.dateOrder()), Map.of());
		try {
			ImportPlanner.Plan plan = this.planner.plan(storedFile(stored), run.fileName(), options);
			this.runs.plan(id, plan.format(), plan.sheetName(), plan.headerRow(),
					MappingJson.of(plan.mapping()).write(this.json), plan.rowsTotal());
		}
		catch (SpreadsheetException ex) {
			// the reason is resolved in the same language as the sentence around it
			throw rule(Codes.SHEET_UNUSABLE, sheetName, this.texts.resolvable(ImportText.of(ex)));
		}
		return this.runs.get(id);
	}

	/**
	 * The plan of a prepared run and the first {@code previewRows} data rows of its
	 * sheet.
	 */
	public MappingReview review(long id, int previewRows) {
		ImportView run = visible(id);
		StoredPlan stored = this.runs.storedPlan(id).orElseThrow(() -> new NotFoundException("Import plan", id));
		MappingJson mapping = MappingJson.read(this.json, stored.mappingJson());
		if (!Files.exists(storedFile(stored))) {
			// deleted by a person's erasure: the run and its log stay, its file does not
			throw new NotFoundException("Import file", id);
		}
		ImportPlanner.Preview preview = this.planner.preview(storedFile(stored), run.fileName(), stored.sheetName(),
				stored.headerRow(), previewRows);
		return new MappingReview(run, preview.sheetNames(), stored.sheetName(), stored.headerRow(), mapping.headers(),
				new TreeMap<>(mapping.fields()), preview.rows());
	}

	/**
	 * Starts a prepared run with the admin's corrections to the planned mapping.
	 * @param columnOverrides column index to field, or to null to leave the column out
	 * @param saveTemplateAs when not blank, the final mapping is also saved under this
	 * name for files of the same shape
	 * @throws BusinessRuleException {@code import.mapping.duplicate} when two columns
	 * would fill the same field (its argument is the field);
	 * {@code import.start.notAwaiting} when the run was started already
	 */
	public ImportView start(long id, boolean dryRun, Map<Integer, @Nullable ImportField> columnOverrides,
			@Nullable String saveTemplateAs, String user) {
		return start(id, dryRun, columnOverrides, saveTemplateAs, user, this.scope.get());
	}

	/**
	 * The run imports only rows of the countries in {@code scope}, the scope of whoever
	 * starts it; it is stored with the run, so a resumed job keeps it.
	 */
	private ImportView start(long id, boolean dryRun, Map<Integer, @Nullable ImportField> columnOverrides,
			@Nullable String saveTemplateAs, String user, CountryScope scope) {
		// whoever starts a run must see it: the starter's scope covers the run's
		this.runs.get(id, scope);
		StoredPlan stored = this.runs.storedPlan(id).orElseThrow(() -> new NotFoundException("Import plan", id));
		MappingJson planned = MappingJson.read(this.json, stored.mappingJson());
		Map<Integer, ImportField> fields = new TreeMap<>(planned.fields());
		columnOverrides.forEach((column, field) -> {
			if (field == null) {
				fields.remove(column);
			}
			else {
				fields.put(column, field);
			}
		});
		String mappingJson = MappingJson.of(mapping(planned.headers(), fields)).write(this.json);
		if (saveTemplateAs != null && saveTemplateAs.strip().length() > MappingTemplates.MAX_NAME) {
			throw rule(Codes.TEMPLATE_NAME_TOO_LONG, String.valueOf(MappingTemplates.MAX_NAME));
		}
		if (!this.runs.release(id, dryRun, mappingJson, scope)) {
			throw rule(Codes.NOT_AWAITING_REVIEW);
		}
		if (saveTemplateAs != null && !saveTemplateAs.isBlank()) {
			this.templates.save(saveTemplateAs, mappingJson, user);
		}
		this.launcher.launch(id);
		return this.runs.get(id);
	}

	/**
	 * Imports the file of a completed dry run for real, as a new run with the same sheet,
	 * mapping, mode and date order.
	 * @throws BusinessRuleException {@code import.rerun.notDryRun} unless the run is a
	 * completed dry run
	 */
	public ImportView runForReal(long dryRunId, String user) {
		ImportView dry = visible(dryRunId);
		if (!dry.dryRun() || dry.status() != ImportStatus.COMPLETED) {
			throw rule(Codes.RERUN_NOT_DRY_RUN);
		}
		StoredPlan stored = this.runs.storedPlan(dryRunId)
			.orElseThrow(() -> new NotFoundException("Import plan", dryRunId));
		ImportOptions options = new ImportOptions(dry.mode(), false, null, stored.sheetName(),
				DateOrder.valueOf(stored.dateOrder()), Map.of());
		// the scope of whoever imports it for real, as for any other start
		long id = this.runs.create(dry.fileName(), stored.storedFile(), dry.source(), options, user,
				this.clock.instant(), false, this.scope.get());
		this.runs.plan(id, String.valueOf(dry.format()), stored.sheetName(), stored.headerRow(), stored.mappingJson(),
				dry.rowsTotal());
		this.launcher.launch(id);
		return this.runs.get(id);
	}

	/** Names of the saved mapping templates, for the upload form. */
	public List<String> mappingTemplates() {
		return this.templates.names();
	}

	private void plan(long id, Path file, String fileName, ImportOptions options) {
		try {
			ImportPlanner.Plan plan = this.planner.plan(file, fileName, options);
			this.runs.plan(id, plan.format(), plan.sheetName(), plan.headerRow(),
					MappingJson.of(plan.mapping()).write(this.json), plan.rowsTotal());
		}
		catch (SpreadsheetException ex) {
			this.runs.finish(id, ImportStatus.FAILED, ImportText.of(ex), this.clock.instant());
		}
		catch (BusinessRuleException ex) {
			// an unknown template: the caller hears why, and the run it already has a row
			// for ends FAILED instead of waiting forever without a plan
			this.runs.finish(id, ImportStatus.FAILED, ImportText.of(ex.messageKey(), ex.arguments()),
					this.clock.instant());
			throw ex;
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			// whatever else planning met, the run must not stay awaiting review: its
			// mapping page would read the same file again
			this.runs.finish(id, ImportStatus.FAILED,
					ImportText.of(Codes.UNEXPECTED_FAILURE, ex.getClass().getSimpleName()), this.clock.instant());
			if (ex instanceof OutOfMemoryError error) {
				throw error;
			}
		}
	}

	private ImportView awaitingReview(long id) {
		ImportView run = visible(id);
		if (!run.awaitingReview()) {
			throw rule(Codes.NOT_AWAITING_REVIEW);
		}
		return run;
	}

	/**
	 * A refusal whose English sentence (for logs and fallbacks) comes from the bundle
	 * too.
	 */
	private BusinessRuleException rule(String code, Object... arguments) {
		return new BusinessRuleException(code, this.texts.english(code, arguments), arguments);
	}

	private ColumnMapping mapping(List<String> headers, Map<Integer, ImportField> fields) {
		try {
			return ColumnMapping.of(headers, fields);
		}
		catch (IllegalArgumentException ex) {
			ImportField duplicate = fields.values()
				.stream()
				.filter((field) -> Collections.frequency(fields.values(), field) > 1)
				.findFirst()
				.orElseThrow(() -> ex);
			throw rule(Codes.DUPLICATE_FIELD, duplicate);
		}
	}

	private Path storedFile(StoredPlan stored) {
		return this.properties.storageDir().resolve(stored.storedFile());
	}

	/** The run, its message in English (the inbox's result files use it). */
	public ImportView get(long id) {
		return get(id, ImportTexts.DEFAULT);
	}

	/** The run, its message in the given language. */
	public ImportView get(long id, Locale locale) {
		return localized(visible(id), locale);
	}

	/**
	 * The run if the caller's country scope covers the run's (the scope it was started
	 * with), else 404: a country-scoped admin sees, reviews, reports on and undoes only
	 * imports made within their countries.
	 */
	private ImportView visible(long id) {
		return this.runs.get(id, this.scope.get());
	}

	/** The runs, newest first, their messages in the given language. */
	public Page<ImportView> history(Pageable pageable, Locale locale) {
		return this.runs.page(pageable, this.scope.get()).map((run) -> localized(run, locale));
	}

	/** The first {@code limit} warnings and rejections, in English. */
	public List<ProblemView> problems(long id, int limit) {
		return problems(id, limit, ImportTexts.DEFAULT);
	}

	/** The first {@code limit} warnings and rejections, in the given language. */
	public List<ProblemView> problems(long id, int limit, Locale locale) {
		visible(id);
		return this.runs.problems(id, limit)
			.stream()
			.map((problem) -> problem
				.withMessage(String.valueOf(this.texts.render(problem.text(), problem.message(), locale))))
			.toList();
	}

	/**
	 * Writes the XLSX of rejected rows (original columns, row number, reason) in English.
	 */
	public void writeRejections(long id, OutputStream out) throws IOException {
		writeRejections(id, out, ImportTexts.DEFAULT);
	}

	/**
	 * Writes the XLSX of rejected rows (original columns, row number, reason), its words
	 * in the language of whoever downloads it.
	 */
	public void writeRejections(long id, OutputStream out, Locale locale) throws IOException {
		visible(id);
		RejectionReport.Wording wording = new RejectionReport.Wording(
				this.texts.render(ImportText.of("import.rejections.sheet"), locale),
				this.texts.render(ImportText.of("import.rejections.row"), locale),
				this.texts.render(ImportText.of("import.rejections.reason"), locale),
				(reason) -> String.valueOf(this.texts.render(reason.text(), reason.sentence(), locale)));
		RejectionReport.write(this.runs.headers(id), this.runs.rejectedRows(id), wording, out);
	}

	private ImportView localized(ImportView run, Locale locale) {
		return run.messageText() == null ? run
				: run.withMessage(this.texts.render(run.messageText(), run.message(), locale));
	}

	/**
	 * The possible duplicates a run found that are still open, the best {@code limit} of
	 * them with both records' names, within the caller's scope.
	 */
	public ImportPairs possibleDuplicates(long id, int limit) {
		visible(id);
		return this.duplicates.of(id, limit);
	}

	/** Saves the mapping an import used under a name, for files of the same shape. */
	public void saveMappingTemplate(long importId, String name, String user) {
		visible(importId);
		this.templates.save(name,
				this.runs.storedPlan(importId)
					.orElseThrow(() -> new NotFoundException("Import plan", importId))
					.mappingJson(),
				user);
	}

	/**
	 * Reverts a finished import: what it created is removed, what it changed returns to
	 * its previous value, except what someone edited since, which is listed and left
	 * alone.
	 */
	public RevertOutcome undo(long id, String user) {
		ImportView run = visible(id);
		if (run.status() != ImportStatus.COMPLETED) {
			throw rule(Codes.UNDO_NOT_FINISHED);
		}
		if (run.dryRun()) {
			throw rule(Codes.UNDO_DRY_RUN);
		}
		if (run.undoneAt() != null) {
			throw rule(Codes.UNDO_ALREADY);
		}
		// a duplicate check still running stops first (after its chunk in progress), so
		// that it cannot write keys or pairs of records the undo removes
		this.runs.cancelCheck(id);
		List<RecordChange> changes = this.runs.changes(id);
		RevertOutcome outcome = AuditSource.with(ChangeSource.IMPORT_UNDO, String.valueOf(id), () -> this.directory
			.revert(changes, run.finishedAt() == null ? this.clock.instant() : run.finishedAt()));
		this.duplicates.afterRevert(changes);
		Map<String, Object> report = new HashMap<>();
		report.put("outcome", outcome);
		this.runs.undone(id, user, this.json.writeValueAsString(report), this.clock.instant());
		return outcome;
	}

}
