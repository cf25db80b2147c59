package org.outreachcrm.outreach.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpRequest;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The short "log an interaction" form: the moment is typed as a local date and time in a
 * zone (people think in their wall clock), tags as comma-separated text, and the
 * follow-up as three optional fields.
 */
class InteractionForm {

	private @Nullable Long organizationId;

	private @Nullable InteractionType type = InteractionType.CALL;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate date;

	// what <input type="time"> sends and shows, whatever the user's language
	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime time;

	private @Nullable String timeZone;

	private @Nullable Direction direction = Direction.OUTBOUND;

	private @Nullable String subject;

	private @Nullable String summary;

	private @Nullable String outcome;

	private List<Long> contactIds = new ArrayList<>();

	private @Nullable Long campaignId;

	private @Nullable String tags;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate followUpDueOn;

	private @Nullable Long followUpAssigneeId;

	private @Nullable String followUpNote;

	// the version an edit is based on; null when logging
	private @Nullable Long version;

	/** A form for "now" in the viewer's zone, minutes precision as people type it. */
	static InteractionForm now(Instant now, ZoneId zone, @Nullable Long organizationId, List<Long> contactIds,
			@Nullable Long assigneeId) {
		InteractionForm form = new InteractionForm();
		LocalDateTime local = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
		form.date = local.toLocalDate();
		form.time = local.toLocalTime();
		form.timeZone = zone.getId();
		form.organizationId = organizationId;
		form.contactIds = new ArrayList<>(contactIds);
		form.followUpAssigneeId = assigneeId;
		return form;
	}

	/**
	 * A form to correct a logged interaction: its moment in the zone it was logged in,
	 * which is what its author typed.
	 */
	static InteractionForm of(InteractionView view) {
		InteractionForm form = new InteractionForm();
		LocalDateTime local = view.loggedLocalTime();
		form.date = local.toLocalDate();
		form.time = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		form.timeZone = view.timeZone().getId();
		form.organizationId = view.organizationId();
		form.type = view.type();
		form.direction = view.direction();
		form.subject = view.subject();
		form.summary = view.summary();
		form.outcome = view.outcome();
		form.contactIds = new ArrayList<>(view.contactIds());
		form.campaignId = view.campaignId();
		form.tags = String.join(", ", view.tags());
		form.version = view.version();
		return form;
	}

	/**
	 * The request the form stands for; a moment that cannot be built (missing date or
	 * unknown zone) stays null so that validation reports it on the date field.
	 */
	InteractionRequest toRequest() {
		FollowUpRequest followUp = (this.followUpDueOn == null) ? null
				: new FollowUpRequest(this.followUpDueOn, this.followUpAssigneeId, blankToNull(this.followUpNote));
		return new InteractionRequest(this.organizationId, List.copyOf(this.contactIds), this.type, occurredAt(),
				blankToNull(this.timeZone), this.direction, blankToNull(this.subject), blankToNull(this.summary),
				blankToNull(this.outcome), null, this.campaignId, tagSet(), followUp, this.version);
	}

	/** Whether a follow-up note was written without the due date that makes it one. */
	boolean followUpWithoutDate() {
		return this.followUpDueOn == null && blankToNull(this.followUpNote) != null;
	}

	private @Nullable Instant occurredAt() {
		if (this.date == null || this.time == null) {
			return null;
		}
		try {
			ZoneId zone = (blankToNull(this.timeZone) == null) ? ZoneId.of("UTC") : ZoneId.of(this.timeZone.strip());
			return LocalDateTime.of(this.date, this.time).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private Set<String> tagSet() {
		if (this.tags == null || this.tags.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(this.tags.split(","))
			.map(String::strip)
			.filter((tag) -> !tag.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable Long getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable Long organizationId) {
		this.organizationId = organizationId;
	}

	public @Nullable InteractionType getType() {
		return this.type;
	}

	public void setType(@Nullable InteractionType type) {
		this.type = type;
	}

	public @Nullable LocalDate getDate() {
		return this.date;
	}

	public void setDate(@Nullable LocalDate date) {
		this.date = date;
	}

	public @Nullable LocalTime getTime() {
		return this.time;
	}

	public void setTime(@Nullable LocalTime time) {
		this.time = time;
	}

	public @Nullable String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(@Nullable String timeZone) {
		this.timeZone = timeZone;
	}

	public @Nullable Direction getDirection() {
		return this.direction;
	}

	public void setDirection(@Nullable Direction direction) {
		this.direction = direction;
	}

	public @Nullable String getSubject() {
		return this.subject;
	}

	public void setSubject(@Nullable String subject) {
		this.subject = subject;
	}

	public @Nullable String getSummary() {
		return this.summary;
	}

	public void setSummary(@Nullable String summary) {
		this.summary = summary;
	}

	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(@Nullable String outcome) {
		this.outcome = outcome;
	}

	public List<Long> getContactIds() {
		return this.contactIds;
	}

	public void setContactIds(@Nullable List<Long> contactIds) {
		this.contactIds = (contactIds == null) ? new ArrayList<>() : contactIds;
	}

	public @Nullable Long getCampaignId() {
		return this.campaignId;
	}

	public void setCampaignId(@Nullable Long campaignId) {
		this.campaignId = campaignId;
	}

	public @Nullable String getTags() {
		return this.tags;
	}

	public void setTags(@Nullable String tags) {
		this.tags = tags;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable LocalDate getFollowUpDueOn() {
		return this.followUpDueOn;
	}

	public void setFollowUpDueOn(@Nullable LocalDate followUpDueOn) {
		this.followUpDueOn = followUpDueOn;
	}

	public @Nullable Long getFollowUpAssigneeId() {
		return this.followUpAssigneeId;
	}

	public void setFollowUpAssigneeId(@Nullable Long followUpAssigneeId) {
		this.followUpAssigneeId = followUpAssigneeId;
	}

	public @Nullable String getFollowUpNote() {
		return this.followUpNote;
	}

	public void setFollowUpNote(@Nullable String followUpNote) {
		this.followUpNote = followUpNote;
	}

}
