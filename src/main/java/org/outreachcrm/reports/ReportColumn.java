package org.outreachcrm.reports;

/**
 * A column of a report table: its message key (header) and kind. TEXT holds what users or
 * imports typed (protected against formula injection in workbooks); CODE holds codes the
 * application chose (countries, enum names); NUMBER, PERCENT and DATE are typed.
 */
public record ReportColumn(String key, Kind kind) {

	/** How the values of a column are written. */
	public enum Kind {

		TEXT, CODE, NUMBER, PERCENT, DATE

	}

	static ReportColumn text(String key) {
		return new ReportColumn(key, Kind.TEXT);
	}

	static ReportColumn code(String key) {
		return new ReportColumn(key, Kind.CODE);
	}

	static ReportColumn number(String key) {
		return new ReportColumn(key, Kind.NUMBER);
	}

	static ReportColumn percent(String key) {
		return new ReportColumn(key, Kind.PERCENT);
	}

	static ReportColumn date(String key) {
		return new ReportColumn(key, Kind.DATE);
	}

}
