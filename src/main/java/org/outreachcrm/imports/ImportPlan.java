package org.outreachcrm.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.reading.SpreadsheetFormat;
import org.outreachcrm.shared.CountryScope;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the job reads and writes one run: the stored file, its format, sheet and header
 * row, the column mapping and the run's options. Read from the run once, when its job
 * starts, and kept in the job's execution context, from where the step's reader,
 * processor and writer take it, and a restarted job finds it again. The context holds it
 * as plain JDK values: Spring Batch deserializes only those (and its own types).
 *
 * @param format the format found when the run was planned, so the job does not detect it
 * again (null for runs planned before it was kept)
 */
record ImportPlan(String storedFile, String fileName, @Nullable SpreadsheetFormat format, String sheetName,
		int headerRow, List<String> headers, Map<Integer, ImportField> fields, ImportMode mode, boolean dryRun,
		DateOrder dateOrder, String createdBy, CountryScope scope) {

	private static final String PREFIX = "importPlan.";

	static ImportPlan of(ImportRuns.StoredPlan stored, MappingJson mapping) {
		return new ImportPlan(stored.storedFile(), stored.fileName(), format(stored.format()), stored.sheetName(),
				stored.headerRow(), mapping.headers(), mapping.fields(), stored.mode(), stored.dryRun(),
				DateOrder.valueOf(stored.dateOrder()), stored.createdBy(), stored.scope());
	}

	/** Whether the job's execution context holds a plan already. */
	static boolean isIn(ExecutionContext context) {
		return context.containsKey(PREFIX + "storedFile");
	}

	void writeTo(ExecutionContext context) {
		context.putString(PREFIX + "storedFile", this.storedFile);
		context.putString(PREFIX + "fileName", this.fileName);
		context.putString(PREFIX + "format", (this.format != null) ? this.format.name() : "");
		context.putString(PREFIX + "sheetName", this.sheetName);
		context.putInt(PREFIX + "headerRow", this.headerRow);
		context.put(PREFIX + "headers", new ArrayList<>(this.headers));
		HashMap<Integer, String> fieldNames = new HashMap<>();
		this.fields.forEach((column, field) -> fieldNames.put(column, field.name()));
		context.put(PREFIX + "fields", fieldNames);
		context.putString(PREFIX + "mode", this.mode.name());
		context.put(PREFIX + "dryRun", this.dryRun);
		context.putString(PREFIX + "dateOrder", this.dateOrder.name());
		context.putString(PREFIX + "createdBy", this.createdBy);
		context.put(PREFIX + "allCountries", this.scope.all());
		context.put(PREFIX + "countries", new ArrayList<>(this.scope.countries()));
	}

	/** The plan in a job's execution context (as step-scoped beans see it). */
	@SuppressWarnings("unchecked")
	static ImportPlan from(Map<String, Object> context) {
		Map<Integer, ImportField> fields = new TreeMap<>();
		((Map<Integer, String>) value(context, "fields"))
			.forEach((column, field) -> fields.put(column, ImportField.valueOf(field)));
		List<String> countries = (List<String>) value(context, "countries");
		return new ImportPlan((String) value(context, "storedFile"), (String) value(context, "fileName"),
				format((String) value(context, "format")), (String) value(context, "sheetName"),
				(Integer) value(context, "headerRow"), (List<String>) value(context, "headers"), fields,
				ImportMode.valueOf((String) value(context, "mode")), (Boolean) value(context, "dryRun"),
				DateOrder.valueOf((String) value(context, "dateOrder")), (String) value(context, "createdBy"),
				(Boolean) value(context, "allCountries") ? CountryScope.everything() : CountryScope.of(countries));
	}

	ColumnMapping mapping() {
		return ColumnMapping.of(this.headers, this.fields);
	}

	private static Object value(Map<String, Object> context, String key) {
		Object value = context.get(PREFIX + key);
		if (value == null) {
			throw new IllegalStateException("The job's execution context holds no " + PREFIX + key);
		}
		return value;
	}

	private static @Nullable SpreadsheetFormat format(@Nullable String name) {
		for (SpreadsheetFormat candidate : SpreadsheetFormat.values()) {
			if (candidate.name().equals(name)) {
				return candidate;
			}
		}
		return null;
	}

}
