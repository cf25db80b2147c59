package org.outreachcrm.meetings.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.meetings.MeetingRequest;
import org.outreachcrm.meetings.MeetingView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The meeting form: start and end as local dates and times in the meeting's zone, as the
 * organizers plan them.
 */
class MeetingForm {

	private @Nullable String title;

	private @Nullable String purpose;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate startDate;

	// what <input type="time"> sends and shows, whatever the user's language
	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime startTime;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endDate;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime endTime;

	private @Nullable String timeZone;

	private @Nullable String place;

	private @Nullable String onlineLink;

	private @Nullable Long version;

	static MeetingForm of(MeetingView meeting) {
		MeetingForm form = new MeetingForm();
		form.title = meeting.title();
		form.purpose = meeting.purpose();
		form.startDate = meeting.localStart().toLocalDate();
		form.startTime = meeting.localStart().toLocalTime();
		form.endDate = meeting.localEnd().toLocalDate();
		form.endTime = meeting.localEnd().toLocalTime();
		form.timeZone = meeting.timeZone().getId();
		form.place = meeting.place();
		form.onlineLink = meeting.onlineLink();
		form.version = meeting.version();
		return form;
	}

	/** An empty form in the organizer's zone. */
	static MeetingForm in(ZoneId zone) {
		MeetingForm form = new MeetingForm();
		form.timeZone = zone.getId();
		return form;
	}

	/**
	 * The request the form stands for; a moment that cannot be built stays null so that
	 * validation reports it on the date field.
	 */
	MeetingRequest toRequest() {
		return new MeetingRequest(blankToNull(this.title), blankToNull(this.purpose),
				instant(this.startDate, this.startTime), instant(this.endDate, this.endTime),
				blankToNull(this.timeZone), blankToNull(this.place), blankToNull(this.onlineLink), null, this.version);
	}

	private @Nullable Instant instant(@Nullable LocalDate date, @Nullable LocalTime time) {
		if (date == null || time == null) {
			return null;
		}
		try {
			ZoneId zone = (blankToNull(this.timeZone) == null) ? ZoneId.of("UTC") : ZoneId.of(this.timeZone.strip());
			return LocalDateTime.of(date, time).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(@Nullable String purpose) {
		this.purpose = purpose;
	}

	public @Nullable LocalDate getStartDate() {
		return this.startDate;
	}

	public void setStartDate(@Nullable LocalDate startDate) {
		this.startDate = startDate;
	}

	public @Nullable LocalTime getStartTime() {
		return this.startTime;
	}

	public void setStartTime(@Nullable LocalTime startTime) {
		this.startTime = startTime;
	}

	public @Nullable LocalDate getEndDate() {
		return this.endDate;
	}

	public void setEndDate(@Nullable LocalDate endDate) {
		this.endDate = endDate;
	}

	public @Nullable LocalTime getEndTime() {
		return this.endTime;
	}

	public void setEndTime(@Nullable LocalTime endTime) {
		this.endTime = endTime;
	}

	public @Nullable String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(@Nullable String timeZone) {
		this.timeZone = timeZone;
	}

	public @Nullable String getPlace() {
		return this.place;
	}

	public void setPlace(@Nullable String place) {
		this.place = place;
	}

	public @Nullable String getOnlineLink() {
		return this.onlineLink;
	}

	public void setOnlineLink(@Nullable String onlineLink) {
		this.onlineLink = onlineLink;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
