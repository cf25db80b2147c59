package org.outreachcrm.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import jakarta.persistence.TableGenerator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.outreachcrm.shared.ErasedPersonName;
import org.outreachcrm.shared.PhoneNumbers;
import org.outreachcrm.shared.TextFolding;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.CONTACT, deduceAliasInjectionPoints = false)
@Table(name = "contact")
@Audited
class Contact extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "contact_id")
	@TableGenerator(name = "contact_id", table = "id_sequence", pkColumnName = "seq_name", valueColumnName = "next_val",
			pkColumnValue = "contact", allocationSize = 50)
	private @Nullable Long id;

	private @Nullable String givenName;

	private @Nullable String familyName;

	private String displayName = "";

	private String nameKey = "";

	private @Nullable String preferredLanguage;

	@Column(columnDefinition = "char(2)")
	private @Nullable String country;

	@Column(columnDefinition = "text")
	private @Nullable String notes;

	// NULL means UNKNOWN, so that an import can fill a consent nobody recorded yet
	@Enumerated(EnumType.STRING)
	private @Nullable ConsentStatus consentStatus;

	private @Nullable LocalDate consentDate;

	@Enumerated(EnumType.STRING)
	private @Nullable ConsentSource consentSource;

	private @Nullable String consentSourceDetail;

	private @Nullable String consentPurpose;

	@ElementCollection
	@CollectionTable(name = "contact_email", joinColumns = @JoinColumn(name = "contact_id"))
	@OrderColumn(name = "position")
	@Column(name = "email")
	private List<String> emails = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
	@OrderColumn(name = "position")
	@Column(name = "phone")
	private List<String> phones = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
	@Column(name = "tag")
	private Set<String> tags = new TreeSet<>();

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Contact not saved yet");
		}
		return this.id;
	}

	String displayName() {
		return this.displayName;
	}

	List<String> nameParts() {
		List<String> parts = new ArrayList<>();
		if (this.givenName != null) {
			parts.add(this.givenName);
		}
		if (this.familyName != null) {
			parts.add(this.familyName);
		}
		return parts;
	}

	List<String> emails() {
		return this.emails;
	}

	void apply(ContactRequest request) {
		this.givenName = blankToNull(request.givenName());
		this.familyName = blankToNull(request.familyName());
		this.displayName = displayNameOf(request);
		this.nameKey = TextFolding.key(this.displayName);
		this.preferredLanguage = blankToNull(request.preferredLanguage());
		this.country = blankToNull(request.country());
		this.notes = blankToNull(request.notes());
		replace(this.emails, normalizedEmails(request.emails()));
		List<String> phones = new ArrayList<>();
		for (String phone : request.phones() == null ? List.<String>of() : request.phones()) {
			if (phone != null && !phone.isBlank()) {
				String normalized = PhoneNumbers.normalize(phone, this.country);
				if (!phones.contains(normalized)) {
					phones.add(normalized);
				}
			}
		}
		replace(this.phones, phones);
		this.tags.clear();
		this.tags.addAll(Tags.normalize(request.tags() == null ? List.of() : request.tags()));
	}

	Consent consent() {
		return new Consent(this.consentStatus == null ? ConsentStatus.UNKNOWN : this.consentStatus, this.consentDate,
				this.consentSource, this.consentSourceDetail, this.consentPurpose);
	}

	void applyConsent(ConsentRequest request) {
		this.consentStatus = request.status() == ConsentStatus.UNKNOWN ? null : request.status();
		this.consentDate = request.date();
		this.consentSource = request.source();
		this.consentSourceDetail = blankToNull(request.sourceDetail());
		this.consentPurpose = blankToNull(request.purpose());
	}

	void withdrawConsent(LocalDate on) {
		this.consentStatus = ConsentStatus.WITHDRAWN;
		this.consentDate = on;
	}

	/**
	 * Removes everything that identifies the person; the row stays so that counts and
	 * links (interactions, invitations) keep their meaning. E-mails, phones and tags are
	 * removed by the caller with SQL, so that no history row repeats them.
	 */
	void erase() {
		this.givenName = null;
		this.familyName = null;
		this.displayName = ErasedPersonName.of(id());
		this.nameKey = TextFolding.key(this.displayName);
		this.preferredLanguage = null;
		this.notes = null;
		this.consentSourceDetail = null;
		this.consentPurpose = null;
	}

	static List<String> normalizedEmails(@Nullable List<String> emails) {
		List<String> out = new ArrayList<>();
		for (String email : emails == null ? List.<String>of() : emails) {
			if (email != null && !email.isBlank()) {
				String normalized = email.strip().toLowerCase(Locale.ROOT);
				if (!out.contains(normalized)) {
					out.add(normalized);
				}
			}
		}
		return out;
	}

	/**
	 * The name to show: as given, or built from the parts for cultures that split names.
	 */
	static String displayNameOf(ContactRequest request) {
		if (request.displayName() != null && !request.displayName().isBlank()) {
			return request.displayName().strip();
		}
		String given = request.givenName() == null ? "" : request.givenName().strip();
		String family = request.familyName() == null ? "" : request.familyName().strip();
		return (given + " " + family).strip();
	}

	List<String> searchableTexts() {
		List<String> texts = new ArrayList<>();
		texts.add(this.displayName);
		if (this.givenName != null) {
			texts.add(this.givenName);
		}
		if (this.familyName != null) {
			texts.add(this.familyName);
		}
		this.emails.forEach((email) -> texts.add(SearchIndex.personalPart(email)));
		texts.addAll(this.tags);
		return texts;
	}

	ContactDetails toDetails(List<AffiliationView> affiliations) {
		return new ContactDetails(id(), this.givenName, this.familyName, this.displayName, List.copyOf(this.emails),
				List.copyOf(this.phones), this.preferredLanguage, this.country, this.notes, new TreeSet<>(this.tags),
				affiliations, createdAt(), createdBy(), updatedAt(), updatedBy(), version(), consent());
	}

	private static <T> void replace(List<T> target, List<T> values) {
		if (!target.equals(values)) {
			target.clear();
			target.addAll(values);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
