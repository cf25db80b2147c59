package org.outreachcrm.reports;

import java.time.DayOfWeek;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;

/**
 * A report schedule as managers edit it. What the scheduler writes (how far it has
 * looked, the last outcome) is kept out of the entity's updates, so an edit never
 * overwrites it and a firing never conflicts with an edit.
 */
@Entity
@Table(name = "report_schedule")
class ReportSchedule extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name = "";

	@Enumerated(EnumType.STRING)
	private ReportType reportType = ReportType.OUTREACH_ACTIVITY;

	@Enumerated(EnumType.STRING)
	private ReportPeriod period = ReportPeriod.LAST_WEEK;

	private String countries = "";

	private @Nullable Long campaignId;

	private String cron = "";

	private String timeZone = "UTC";

	@Enumerated(EnumType.STRING)
	private ScheduleFrequency frequency = ScheduleFrequency.WEEKLY;

	@Enumerated(EnumType.STRING)
	private @Nullable DayOfWeek dayOfWeek;

	private @Nullable Integer dayOfMonth;

	private @Nullable String timeOfDay;

	private String recipients = "";

	private boolean skipWhenEmpty;

	private boolean enabled = true;

	private long ownerId;

	private String locale = "en";

	@Column(updatable = false)
	private Instant checkedUntil = Instant.EPOCH;

	@Column(insertable = false, updatable = false)
	private @Nullable String lastOutcome;

	@Nullable Long getId() {
		return this.id;
	}

	long getOwnerId() {
		return this.ownerId;
	}

	@Nullable String getLastOutcome() {
		return this.lastOutcome;
	}

	String getCron() {
		return this.cron;
	}

	String getTimeZone() {
		return this.timeZone;
	}

	void setOwner(long ownerId, String locale, Instant checkedUntil) {
		this.ownerId = ownerId;
		this.locale = locale;
		this.checkedUntil = checkedUntil;
	}

	/** Takes over what the request says; the cron is already checked and derived. */
	void apply(ScheduleRequest request, String cron) {
		this.name = request.name().strip();
		this.reportType = request.type();
		this.period = request.period();
		this.countries = String.join(",",
				new ReportFilter(request.type(), java.time.LocalDate.EPOCH, java.time.LocalDate.EPOCH,
						request.countries() == null ? java.util.Set.of() : java.util.Set.copyOf(request.countries()),
						null)
					.countries());
		this.campaignId = request.campaignId();
		this.frequency = request.frequency();
		this.cron = cron;
		this.timeZone = request.timeZone();
		this.dayOfWeek = request.frequency() == ScheduleFrequency.WEEKLY ? request.dayOfWeek() : null;
		this.dayOfMonth = request.frequency() == ScheduleFrequency.MONTHLY ? request.dayOfMonth() : null;
		this.timeOfDay = request.frequency() == ScheduleFrequency.CRON ? null : request.time();
		this.recipients = String.join(",", request.recipients() == null ? java.util.List.of()
				: request.recipients().stream().map(String::strip).toList());
		this.skipWhenEmpty = request.skipWhenEmpty();
		this.enabled = request.enabled();
	}

	ScheduleView view(@Nullable Instant nextRunAt) {
		return new ScheduleView(this.id == null ? 0 : this.id, this.name, this.reportType, this.period,
				RunStore.split(this.countries), this.campaignId, this.frequency, this.cron, this.dayOfWeek,
				this.dayOfMonth, this.timeOfDay, this.timeZone, RunStore.split(this.recipients), this.skipWhenEmpty,
				this.enabled, this.ownerId, nextRunAt, this.lastOutcome, version());
	}

}
