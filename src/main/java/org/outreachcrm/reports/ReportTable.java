package org.outreachcrm.reports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One breakdown of a report (one data sheet of the workbook, one table of the HTML view):
 * rows of values matching the columns (String, Long, Double or LocalDate; null = empty).
 */
public record ReportTable(String key, List<ReportColumn> columns, List<List<@Nullable Object>> rows) {

	/** The numbers of one column, for charts (empty cells count as zero). */
	public List<Number> numbers(int column) {
		return this.rows.stream().map((row) -> row.get(column) instanceof Number n ? n : (Number) 0L).toList();
	}

	/** The values of one column as text, for chart labels. */
	public List<String> labels(int column) {
		return this.rows.stream().map((row) -> row.get(column) == null ? "" : String.valueOf(row.get(column))).toList();
	}

}
