package org.outreachcrm.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.HeaderLocation;
import org.outreachcrm.imports.mapping.HeaderMatcher;
import org.outreachcrm.imports.mapping.HeaderRowFinder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetFormat;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;

import org.springframework.stereotype.Component;

/**
 * Plans how to read a stored file (sheet, header row, column mapping) and reads the rows
 * the admin reviews. Separate from {@link Imports} so that the service stays about the
 * life of a run.
 */
@Component
class ImportPlanner {

	private final MappingTemplates templates;

	private final ImportsProperties properties;

	ImportPlanner(MappingTemplates templates, ImportsProperties properties) {
		this.templates = templates;
		this.properties = properties;
	}

	/**
	 * Finds the header row (in the named sheet, or in the sheet with the most recognized
	 * headers) and the mapping: a named template, else a saved template for files of this
	 * shape, else the recognized headers; then the caller's corrections.
	 * @throws org.outreachcrm.imports.reading.SpreadsheetException if the file cannot be
	 * read or has no header row
	 */
	Plan plan(Path file, String fileName, ImportOptions options) {
		try (SpreadsheetReader reader = open(file, fileName)) {
			HeaderRowFinder finder = new HeaderRowFinder(new HeaderMatcher());
			HeaderLocation location = (options.sheetName() == null) ? finder.find(reader)
					: finder.find(reader, reader.sheetNames().indexOf(options.sheetName()));
			ColumnMapping mapping = mapping(location.mapping(), options);
			return new Plan(reader.format().name(), location.sheetName(), location.rowNumber(), mapping,
					total(reader, location));
		}
	}

	/** The sheet names and the first {@code limit} data rows below the header row. */
	Preview preview(Path file, String fileName, String sheetName, int headerRow, int limit) {
		try (SpreadsheetReader reader = open(file, fileName); SheetRows rows = reader.rows(sheetName)) {
			List<List<String>> preview = new ArrayList<>();
			while (rows.hasNext() && preview.size() < limit) {
				SheetRow row = rows.next();
				if (row.number() > headerRow) {
					preview.add(row.cells());
				}
			}
			return new Preview(reader.sheetNames(), preview);
		}
	}

	private SpreadsheetReader open(Path file, String fileName) {
		return new SpreadsheetOpener(this.properties.readingLimits()).open(file, fileName);
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
			mapping = (column.getValue() == null) ? mapping.ignoring(column.getKey())
					: mapping.with(column.getKey(), column.getValue());
		}
		return mapping;
	}

	/**
	 * Counts the data rows of formats that are in memory anyway, for the progress bar's
	 * time estimate; a streamed file would have to be read twice, so its total stays
	 * unknown.
	 */
	private static @Nullable Long total(SpreadsheetReader reader, HeaderLocation location) {
		if (reader.format() != SpreadsheetFormat.XLS && reader.format() != SpreadsheetFormat.ODS) {
			return null;
		}
		try (SheetRows rows = reader.rows(location.sheetIndex())) {
			return rows.stream().filter((row) -> row.number() > location.rowNumber()).count();
		}
	}

	/** How to read a file. */
	record Plan(String format, String sheetName, int headerRow, ColumnMapping mapping, @Nullable Long rowsTotal) {
	}

	/** What the review shows besides the plan. */
	record Preview(List<String> sheetNames, List<List<String>> rows) {
	}

}
