package org.outreachcrm.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.outreachcrm.shared.CountryScope;

/**
 * The parts every report query shares: the period as UTC bounds and the country condition
 * that combines the caller's scope with the countries asked for. A scope never widens:
 * asking for a country outside it yields nothing for that country, and rows without a
 * country are seen only with an unrestricted scope and no country filter.
 */
final class ReportSql {

	private final ReportFilter filter;

	private final Set<String> countries;

	private final boolean restricted;

	ReportSql(ReportFilter filter, CountryScope scope) {
		this.filter = filter;
		TreeSet<String> allowed = new TreeSet<>();
		if (scope.all()) {
			allowed.addAll(filter.countries());
		}
		else if (filter.countries().isEmpty()) {
			allowed.addAll(scope.countries());
		}
		else {
			filter.countries().stream().filter(scope::includes).forEach(allowed::add);
		}
		this.restricted = !scope.all() || !filter.countries().isEmpty();
		this.countries = Set.copyOf(allowed);
	}

	/** {@code AND column IN (...)} when the report is limited to some countries. */
	String countryIn(String column) {
		if (!this.restricted) {
			return "";
		}
		return this.countries.isEmpty() ? " AND 1 = 0" : " AND " + column + " IN (:countries)";
	}

	/** {@code AND column = :campaign} when a campaign was asked for. */
	String campaignIs(String column) {
		return this.filter.campaignId() == null ? "" : " AND " + column + " = :campaign";
	}

	/**
	 * Parameters: {@code start} and {@code end} (half-open UTC bounds of the period),
	 * {@code startDay} and {@code endDay} (its first and last UTC day, both included),
	 * {@code monthsFrom} and {@code monthsTo} (the half-open span of its whole UTC
	 * months), {@code countries}, {@code campaign}.
	 */
	Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		params.put("start", startOf(this.filter.from()));
		params.put("end", startOf(this.filter.to().plusDays(1)));
		params.put("startDay", this.filter.from());
		params.put("endDay", this.filter.to());
		// the whole UTC months within the period, [monthsFrom, monthsTo); none: both are
		// the day after the period
		LocalDate from = this.filter.from();
		LocalDate monthsFrom = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate after = this.filter.to().plusDays(1);
		LocalDate monthsTo = after.withDayOfMonth(1);
		if (!monthsFrom.isBefore(monthsTo)) {
			monthsFrom = after;
			monthsTo = after;
		}
		params.put("monthsFrom", monthsFrom);
		params.put("monthsTo", monthsTo);
		params.put("countries", this.countries.isEmpty() ? Set.of("--") : this.countries);
		if (this.filter.campaignId() != null) {
			params.put("campaign", this.filter.campaignId());
		}
		return params;
	}

	static LocalDateTime startOf(LocalDate day) {
		return day.atStartOfDay();
	}

}
