package org.outreachcrm.reports.web;

import java.time.DayOfWeek;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportType;
import org.outreachcrm.reports.ScheduleFrequency;
import org.outreachcrm.reports.ScheduleRequest;
import org.outreachcrm.reports.ScheduleView;

/** The schedule form: the friendly picker (or a cron), filters, recipients, options. */
class ScheduleForm {

	private @Nullable String name;

	private @Nullable ReportType type = ReportType.OUTREACH_ACTIVITY;

	private @Nullable ReportPeriod period = ReportPeriod.LAST_WEEK;

	private @Nullable String countries;

	private @Nullable Long campaignId;

	private @Nullable ScheduleFrequency frequency = ScheduleFrequency.WEEKLY;

	private @Nullable String cron;

	private @Nullable DayOfWeek dayOfWeek = DayOfWeek.MONDAY;

	private @Nullable Integer dayOfMonth = 1;

	private @Nullable String time = "08:00";

	private @Nullable String timeZone = "UTC";

	private @Nullable String recipients;

	private boolean skipWhenEmpty;

	private boolean enabled = true;

	private @Nullable Long version;

	static ScheduleForm of(ScheduleView view) {
		ScheduleForm form = new ScheduleForm();
		form.name = view.name();
		form.type = view.type();
		form.period = view.period();
		form.countries = String.join(", ", view.countries());
		form.campaignId = view.campaignId();
		form.frequency = view.frequency();
		form.cron = view.cron();
		form.dayOfWeek = view.dayOfWeek();
		form.dayOfMonth = view.dayOfMonth();
		form.time = view.time();
		form.timeZone = view.timeZone();
		form.recipients = String.join(", ", view.recipients());
		form.skipWhenEmpty = view.skipWhenEmpty();
		form.enabled = view.enabled();
		form.version = view.version();
		return form;
	}

	@SuppressWarnings("NullAway")
	ScheduleRequest toRequest() {
		return new ScheduleRequest(this.name == null ? "" : this.name, this.type, this.period,
				ReportRunForm.codes(this.countries), this.campaignId, this.frequency, this.cron, this.dayOfWeek,
				this.dayOfMonth, this.time == null || this.time.isBlank() ? null : this.time,
				this.timeZone == null ? "" : this.timeZone, ReportRunForm.codes(this.recipients), this.skipWhenEmpty,
				this.enabled, this.version);
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
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

	public @Nullable ScheduleFrequency getFrequency() {
		return this.frequency;
	}

	public void setFrequency(@Nullable ScheduleFrequency frequency) {
		this.frequency = frequency;
	}

	public @Nullable String getCron() {
		return this.cron;
	}

	public void setCron(@Nullable String cron) {
		this.cron = cron;
	}

	public @Nullable DayOfWeek getDayOfWeek() {
		return this.dayOfWeek;
	}

	public void setDayOfWeek(@Nullable DayOfWeek dayOfWeek) {
		this.dayOfWeek = dayOfWeek;
	}

	public @Nullable Integer getDayOfMonth() {
		return this.dayOfMonth;
	}

	public void setDayOfMonth(@Nullable Integer dayOfMonth) {
		this.dayOfMonth = dayOfMonth;
	}

	public @Nullable String getTime() {
		return this.time;
	}

	public void setTime(@Nullable String time) {
		this.time = time;
	}

	public @Nullable String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(@Nullable String timeZone) {
		this.timeZone = timeZone;
	}

	public @Nullable String getRecipients() {
		return this.recipients;
	}

	public void setRecipients(@Nullable String recipients) {
		this.recipients = recipients;
	}

	public boolean isSkipWhenEmpty() {
		return this.skipWhenEmpty;
	}

	public void setSkipWhenEmpty(boolean skipWhenEmpty) {
		this.skipWhenEmpty = skipWhenEmpty;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
