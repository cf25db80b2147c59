package org.outreachcrm.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a report covers: its type, the days from {@code from} to {@code to} (both
 * included, UTC days), the countries asked for (empty: every country of the scope) and an
 * optional campaign.
 */
public record ReportFilter(ReportType type, LocalDate from, LocalDate to, Set<String> countries,
		@Nullable Long campaignId) {

	public ReportFilter {
		TreeSet<String> normalized = new TreeSet<>();
		for (String country : countries) {
			if (!country.isBlank()) {
				normalized.add(country.trim().toUpperCase(Locale.ROOT));
			}
		}
		countries = Set.copyOf(normalized);
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the period ends before it starts");
		}
	}

	/** Number of days in the period. */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The period of the same length just before this one. */
	public ReportFilter previous() {
		return new ReportFilter(this.type, this.from.minusDays(days()), this.from.minusDays(1), this.countries,
				this.campaignId);
	}

}
