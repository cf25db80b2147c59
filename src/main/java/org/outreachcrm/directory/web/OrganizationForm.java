package org.outreachcrm.directory.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;

/**
 * The organization form as the page binds it: lists are typed as comma-separated text.
 * The rules live on {@link OrganizationRequest}, which {@link #toRequest()} produces.
 */
class OrganizationForm {

	private String name = "";

	private @Nullable OrganizationType type;

	private @Nullable String country;

	private @Nullable String city;

	private @Nullable String website;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String languages;

	private @Nullable String description;

	private @Nullable PartnershipStage stage = PartnershipStage.PROSPECT;

	private @Nullable Long ownerId;

	private @Nullable String tags;

	private @Nullable Long version;

	static OrganizationForm of(OrganizationDetails organization) {
		OrganizationForm form = new OrganizationForm();
		form.name = organization.name();
		form.type = organization.type();
		form.country = organization.country();
		form.city = organization.city();
		form.website = organization.website();
		form.email = organization.email();
		form.phone = organization.phone();
		form.languages = TextLists.join(organization.languages(), ", ");
		form.description = organization.description();
		form.stage = organization.stage();
		form.ownerId = organization.ownerId();
		form.tags = TextLists.join(organization.tags(), ", ");
		form.version = organization.version();
		return form;
	}

	OrganizationRequest toRequest() {
		List<String> languageCodes = TextLists.split(this.languages)
			.stream()
			.map((code) -> code.toLowerCase(Locale.ROOT))
			.toList();
		return new OrganizationRequest(this.name, this.type, Requests.country(this.country),
				Requests.blankToNull(this.city), Requests.blankToNull(this.website), Requests.blankToNull(this.email),
				Requests.blankToNull(this.phone), languageCodes, Requests.blankToNull(this.description), this.stage,
				this.ownerId, new LinkedHashSet<>(TextLists.split(this.tags)), this.version);
	}

	public String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = (name == null) ? "" : name;
	}

	public @Nullable OrganizationType getType() {
		return this.type;
	}

	public void setType(@Nullable OrganizationType type) {
		this.type = type;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public @Nullable String getCity() {
		return this.city;
	}

	public void setCity(@Nullable String city) {
		this.city = city;
	}

	public @Nullable String getWebsite() {
		return this.website;
	}

	public void setWebsite(@Nullable String website) {
		this.website = website;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getLanguages() {
		return this.languages;
	}

	public void setLanguages(@Nullable String languages) {
		this.languages = languages;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable PartnershipStage getStage() {
		return this.stage;
	}

	public void setStage(@Nullable PartnershipStage stage) {
		this.stage = stage;
	}

	public @Nullable Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(@Nullable Long ownerId) {
		this.ownerId = ownerId;
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

}
