package org.outreachcrm.directory.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's link to an organization as the small forms on both detail pages bind it:
 * from a contact page the organization is picked, from an organization page the person.
 */
class AffiliationForm {

	private @Nullable Long organizationId;

	private @Nullable Long contactId;

	private @Nullable String role;

	private boolean primary;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate startDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endDate;

	private @Nullable Long version;

	static AffiliationForm of(AffiliationView affiliation) {
		AffiliationForm form = new AffiliationForm();
		form.organizationId = affiliation.organizationId();
		form.contactId = affiliation.contactId();
		form.role = affiliation.role();
		form.primary = affiliation.primary();
		form.startDate = affiliation.startDate();
		form.endDate = affiliation.endDate();
		form.version = affiliation.version();
		return form;
	}

	AffiliationRequest toRequest() {
		return new AffiliationRequest(this.organizationId, Requests.blankToNull(this.role), this.primary,
				this.startDate, this.endDate, this.version);
	}

	public @Nullable Long getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable Long organizationId) {
		this.organizationId = organizationId;
	}

	public @Nullable Long getContactId() {
		return this.contactId;
	}

	public void setContactId(@Nullable Long contactId) {
		this.contactId = contactId;
	}

	public @Nullable String getRole() {
		return this.role;
	}

	public void setRole(@Nullable String role) {
		this.role = role;
	}

	public boolean isPrimary() {
		return this.primary;
	}

	public void setPrimary(boolean primary) {
		this.primary = primary;
	}

	public @Nullable LocalDate getStartDate() {
		return this.startDate;
	}

	public void setStartDate(@Nullable LocalDate startDate) {
		this.startDate = startDate;
	}

	public @Nullable LocalDate getEndDate() {
		return this.endDate;
	}

	public void setEndDate(@Nullable LocalDate endDate) {
		this.endDate = endDate;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
