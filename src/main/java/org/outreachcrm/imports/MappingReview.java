package org.outreachcrm.imports;

import java.util.List;
import java.util.Map;

import org.outreachcrm.imports.mapping.ImportField;

/**
 * What the admin reviews before a prepared import starts: where the header row was found,
 * each column's header and planned field, and the first data rows.
 *
 * @param sheetNames every sheet of the workbook, so another one can be chosen
 * @param headerRow 1-based row number of the header row
 * @param fields the planned field of each mapped column (0-based); columns not in the map
 * are left out
 * @param preview the first data rows below the header, one list of cells per row
 */
public record MappingReview(ImportView run, List<String> sheetNames, String sheetName, int headerRow,
		List<String> headers, Map<Integer, ImportField> fields, List<List<String>> preview) {

}
