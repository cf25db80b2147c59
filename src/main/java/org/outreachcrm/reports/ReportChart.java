package org.outreachcrm.reports;

/**
 * A chart over one table: labels from one column, values from another.
 *
 * @param key message key of the chart title
 * @param kind bar, line or pie
 * @param table key of the table the data comes from
 */
public record ReportChart(String key, Kind kind, String table, int labelColumn, int valueColumn) {

	/** The chart shapes both the workbook and the HTML view can draw. */
	public enum Kind {

		BAR, LINE, PIE

	}

}
