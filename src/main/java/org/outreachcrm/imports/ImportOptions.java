package org.outreachcrm.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;

/**
 * How to import a file.
 *
 * @param mappingTemplate name of a saved mapping to use instead of matching headers
 * @param sheetName the sheet to read; null picks the one with recognizable headers
 * @param columns corrections to the automatic mapping: column index to field, or to null
 * to leave the column out
 */
public record ImportOptions(ImportMode mode, boolean dryRun, @Nullable String mappingTemplate,
		@Nullable String sheetName, DateOrder dateOrder, Map<Integer, @Nullable ImportField> columns) {

	public static ImportOptions defaults() {
		return new ImportOptions(ImportMode.CREATE_AND_UPDATE, false, null, null, DateOrder.DAY_FIRST, Map.of());
	}

}
