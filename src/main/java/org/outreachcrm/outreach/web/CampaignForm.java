package org.outreachcrm.outreach.web;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignStatus;
import org.outreachcrm.outreach.CampaignView;

import org.springframework.format.annotation.DateTimeFormat;

/** The campaign form; the targets are managed on the campaign's page, one at a time. */
class CampaignForm {

	private @Nullable String name;

	private @Nullable String description;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate startsOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endsOn;

	private @Nullable Long ownerId;

	private @Nullable CampaignStatus status = CampaignStatus.PLANNED;

	private @Nullable Long version;

	static CampaignForm of(CampaignView campaign) {
		CampaignForm form = new CampaignForm();
		form.name = campaign.name();
		form.description = campaign.description();
		form.startsOn = campaign.startsOn();
		form.endsOn = campaign.endsOn();
		form.ownerId = campaign.ownerId();
		form.status = campaign.status();
		form.version = campaign.version();
		return form;
	}

	/**
	 * The request; {@code targets} null keeps the campaign's targets when changing it.
	 */
	CampaignRequest toRequest(@Nullable Set<Long> targets) {
		return new CampaignRequest(blankToNull(this.name), blankToNull(this.description), this.startsOn, this.endsOn,
				this.ownerId, this.status, targets, this.version);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable LocalDate getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(@Nullable LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public @Nullable LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(@Nullable LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(@Nullable Long ownerId) {
		this.ownerId = ownerId;
	}

	public @Nullable CampaignStatus getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable CampaignStatus status) {
		this.status = status;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
