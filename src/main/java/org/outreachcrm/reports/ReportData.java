package org.outreachcrm.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.outreachcrm.shared.CountryScope;

/**
 * A computed report: the filter and scope it was computed for, headline figures, its
 * tables and the charts drawn from them. {@code empty} is true when there was nothing to
 * report (a schedule may then skip delivery).
 */
public record ReportData(ReportFilter filter, CountryScope scope, Instant generatedAt, List<ReportFigure> figures,
		List<ReportTable> tables, List<ReportChart> charts, boolean empty) {

	/** The table with the given key. */
	public Optional<ReportTable> table(String key) {
		return this.tables.stream().filter((t) -> t.key().equals(key)).findFirst();
	}

	/** The value of the figure with the given key. */
	public long figure(String key) {
		return this.figures.stream()
			.filter((f) -> f.key().equals(key))
			.mapToLong(ReportFigure::value)
			.findFirst()
			.orElseThrow();
	}

}
