package org.outreachcrm.directory.web;

import java.util.LinkedHashSet;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;

/**
 * The contact form as the page binds it: e-mails and phones one per line (or
 * comma-separated), tags comma-separated. The rules live on {@link ContactRequest}.
 */
class ContactForm {

	private @Nullable String givenName;

	private @Nullable String familyName;

	private @Nullable String displayName;

	private @Nullable String emails;

	private @Nullable String phones;

	private @Nullable String preferredLanguage;

	private @Nullable String country;

	private @Nullable String notes;

	private @Nullable String tags;

	private @Nullable Long version;

	static ContactForm of(ContactDetails contact) {
		ContactForm form = new ContactForm();
		form.givenName = contact.givenName();
		form.familyName = contact.familyName();
		form.displayName = contact.displayName();
		form.emails = TextLists.join(contact.emails(), "\n");
		form.phones = TextLists.join(contact.phones(), "\n");
		form.preferredLanguage = contact.preferredLanguage();
		form.country = contact.country();
		form.notes = contact.notes();
		form.tags = TextLists.join(contact.tags(), ", ");
		form.version = contact.version();
		return form;
	}

	ContactRequest toRequest() {
		return new ContactRequest(Requests.blankToNull(this.givenName), Requests.blankToNull(this.familyName),
				Requests.blankToNull(this.displayName), TextLists.split(this.emails), TextLists.split(this.phones),
				Requests.blankToNull(this.preferredLanguage), Requests.country(this.country),
				Requests.blankToNull(this.notes), new LinkedHashSet<>(TextLists.split(this.tags)), this.version);
	}

	public @Nullable String getGivenName() {
		return this.givenName;
	}

	public void setGivenName(@Nullable String givenName) {
		this.givenName = givenName;
	}

	public @Nullable String getFamilyName() {
		return this.familyName;
	}

	public void setFamilyName(@Nullable String familyName) {
		this.familyName = familyName;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getEmails() {
		return this.emails;
	}

	public void setEmails(@Nullable String emails) {
		this.emails = emails;
	}

	public @Nullable String getPhones() {
		return this.phones;
	}

	public void setPhones(@Nullable String phones) {
		this.phones = phones;
	}

	public @Nullable String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public void setPreferredLanguage(@Nullable String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
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
