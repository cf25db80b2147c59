package org.outreachcrm.reports;

import java.time.Instant;
import java.util.List;

/**
 * The figures, tables and charts a completed run computed, as stored with the run and as
 * the API answers them: rows hold codes and ids as computed (a campaign or country left
 * empty is null), numbers as numbers and days as ISO dates.
 *
 * @param computedAt when the run counted them
 */
public record ReportResult(Instant computedAt, List<ReportFigure> figures, List<ReportTable> tables,
		List<ReportChart> charts, boolean empty) {

	static ReportResult of(ReportData data) {
		return new ReportResult(data.generatedAt(), data.figures(), data.tables(), data.charts(), data.empty());
	}

	ReportData data(ReportFilter filter, org.outreachcrm.shared.CountryScope scope) {
		return new ReportData(filter, scope, this.computedAt, this.figures, this.tables, this.charts, this.empty);
	}

}
