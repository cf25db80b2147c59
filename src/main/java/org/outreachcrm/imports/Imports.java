package org.outreachcrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.outreachcrm.directory.DirectoryBulkWriter;
import org.outreachcrm.directory.RecordChange;
import org.outreachcrm.directory.RevertOutcome;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.HeaderLocation;
import org.outreachcrm.imports.mapping.HeaderMatcher;
import org.outreachcrm.imports.mapping.HeaderRowFinder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;
import org.outreachcrm.shared.BusinessRuleException;
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

	private final MappingTemplates templates;

	private final DirectoryBulkWriter directory;

	private final ImportsProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	Imports(ImportRuns runs, ImportLauncher launcher, MappingTemplates templates, DirectoryBulkWriter directory,
			ImportsProperties properties, ObjectMapper json, Clock clock) {
		this.runs = runs;
		this.launcher = launcher;
		this.templates = templates;
		this.directory = directory;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the file under a name of our own, plans the import and queues it. A file
	 * that cannot be imported at all (not a spreadsheet, password-protected, no header
	 * row) ends FAILED at once, with the reason in its message.
	 */
	public ImportView submit(InputStream content, String fileName, ImportOptions options, String source, String user) {
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
		long id = this.runs.create(safeName, stored, source, options, user, this.clock.instant());
		try (SpreadsheetReader reader = new SpreadsheetOpener(this.properties.readingLimits()).open(file, safeName)) {
			HeaderRowFinder finder = new HeaderRowFinder(new HeaderMatcher());
			HeaderLocation location = options.sheetName() == null ? finder.find(reader)
					: finder.find(reader, reader.sheetNames().indexOf(options.sheetName()));
			ColumnMapping mapping = mapping(location.mapping(), options);
			this.runs.plan(id, reader.format().name(), location.sheetName(), location.rowNumber(),
					MappingJson.of(mapping).write(this.json));
		}
		catch (SpreadsheetException ex) {
			this.runs.finish(id, ImportStatus.FAILED, ex.userMessage(), this.clock.instant());
			return this.runs.get(id);
		}
		this.launcher.launch(id);
		return this.runs.get(id);
	}

	private ColumnMapping mapping(ColumnMapping detected, ImportOptions options) {
		ColumnMapping mapping = detected;
		if (options.mappingTemplate() != null) {
			mapping = this.templates.apply(options.mappingTemplate(), detected.headers());
		}
		else {
			mapping = this.templates.matching(detected.headers()).orElse(mapping);
		}
		for (Map.Entry<Integer, ImportField> column : options.columns().entrySet()) {
			mapping = column.getValue() == null ? mapping.ignoring(column.getKey())
					: mapping.with(column.getKey(), column.getValue());
		}
		return mapping;
	}

	public ImportView get(long id) {
		return this.runs.get(id);
	}

	public Page<ImportView> history(Pageable pageable) {
		return this.runs.page(pageable);
	}

	public List<ProblemView> problems(long id, int limit) {
		this.runs.get(id);
		return this.runs.problems(id, limit);
	}

	/** Writes the XLSX of rejected rows (original columns, row number, reason). */
	public void writeRejections(long id, OutputStream out) throws IOException {
		this.runs.get(id);
		RejectionReport.write(this.runs.headers(id), this.runs.rejectedRows(id), out);
	}

	/** Saves the mapping an import used under a name, for files of the same shape. */
	public void saveMappingTemplate(long importId, String name, String user) {
		this.templates.save(name, this.runs.storedPlan(importId).orElseThrow().mappingJson(), user);
	}

	/**
	 * Reverts a finished import: what it created is removed, what it changed returns to
	 * its previous value, except what someone edited since, which is listed and left
	 * alone.
	 */
	public RevertOutcome undo(long id, String user) {
		ImportView run = this.runs.get(id);
		if (run.status() != ImportStatus.COMPLETED) {
			throw new BusinessRuleException("import.undo.notFinished", ImportMessages.UNDO_NOT_FINISHED);
		}
		if (run.dryRun()) {
			throw new BusinessRuleException("import.undo.dryRun", ImportMessages.UNDO_DRY_RUN);
		}
		if (run.undoneAt() != null) {
			throw new BusinessRuleException("import.undo.already", ImportMessages.UNDO_ALREADY);
		}
		List<RecordChange> changes = this.runs.changes(id);
		RevertOutcome outcome = this.directory.revert(changes,
				run.finishedAt() == null ? this.clock.instant() : run.finishedAt());
		Map<String, Object> report = new HashMap<>();
		report.put("outcome", outcome);
		this.runs.undone(id, user, this.json.writeValueAsString(report), this.clock.instant());
		return outcome;
	}

}
