package org.outreachcrm.reports.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportRunRequest;
import org.outreachcrm.reports.ReportType;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The "run a report" form: type, period or dates, countries (comma-separated), campaign.
 */
class ReportRunForm {

	private @Nullable ReportType type = ReportType.OUTREACH_ACTIVITY;

	private @Nullable ReportPeriod period = ReportPeriod.LAST_WEEK;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable String countries;

	private @Nullable Long campaignId;

	@SuppressWarnings("NullAway")
	ReportRunRequest toRequest() {
		return new ReportRunRequest(this.type, this.period, this.from, this.to, codes(this.countries), this.campaignId);
	}

	static List<String> codes(@Nullable String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	public @Nullable ReportType getType() {
		return this.type;
	}

	public void setType(@Nullable ReportType type) {
		this.type = type;
	}

	public @Nullable ReportPeriod getPeriod() {
		return this.period;
	}

	public void setPeriod(@Nullable ReportPeriod period) {
		this.period = period;
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

	public @Nullable String getCountries() {
		return this.countries;
	}

	public void setCountries(@Nullable String countries) {
		this.countries = countries;
	}

	public @Nullable Long getCampaignId() {
		return this.campaignId;
	}

	public void setCampaignId(@Nullable Long campaignId) {
		this.campaignId = campaignId;
	}

}
