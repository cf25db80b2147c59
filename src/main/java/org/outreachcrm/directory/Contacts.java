package org.outreachcrm.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditTrail;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.ErasedPersonName;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.TextFolding;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, creates, changes and removes people, and keeps their affiliations. */
@Service
@Transactional
public class Contacts {

	private final ContactRepository contacts;

	private final OrganizationRepository organizations;

	private final AffiliationRepository affiliations;

	private final DirectorySearch search;

	private final SearchIndex index;

	private final CurrentScope scope;

	private final JdbcTemplate jdbc;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final Clock clock;

	Contacts(ContactRepository contacts, OrganizationRepository organizations, AffiliationRepository affiliations,
			DirectorySearch search, SearchIndex index, CurrentScope scope, JdbcTemplate jdbc, AuditTrail auditTrail,
			ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
		this.scope = scope;
		this.contacts = contacts;
		this.organizations = organizations;
		this.affiliations = affiliations;
		this.search = search;
		this.index = index;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.events = events;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** Changes a person's consent, based on the contact's {@code request.version()}. */
	public ContactDetails updateConsent(long id, ConsentRequest request) {
		Contact contact = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Contact", id, request.version(), contact.version());
		contact.applyConsent(request);
		return details(this.contacts.saveAndFlush(contact));
	}

	/** Records that the person withdrew their consent today (one click, no version). */
	public ContactDetails withdrawConsent(long id) {
		Contact contact = find(id);
		contact.withdrawConsent(LocalDate.now(this.clock));
		return details(this.contacts.saveAndFlush(contact));
	}

	/**
	 * Erases what identifies a person: the row stays as "Erased person #id" (so that
	 * interactions, invitations and counts keep their meaning), names, notes, e-mails,
	 * phones and tags go, here and in every past revision of the record, and
	 * {@link PersonErased} lets the other modules remove their copies in the same
	 * transaction. A person deleted earlier is erased from the history alone, known by
	 * their last recorded values; an id without any history is not found.
	 */
	public void erase(long id) {
		Contact contact = this.contacts.findById(id).orElse(null);
		if (contact == null) {
			eraseDeleted(id);
			return;
		}
		List<String> identifiers = new ArrayList<>();
		identifiers.add(contact.displayName());
		identifiers.addAll(contact.nameParts());
		identifiers
			.addAll(this.jdbc.queryForList("SELECT email FROM contact_email WHERE contact_id = ?", String.class, id));
		identifiers
			.addAll(this.jdbc.queryForList("SELECT phone FROM contact_phone WHERE contact_id = ?", String.class, id));
		contact.erase();
		this.contacts.saveAndFlush(contact);
		// below Envers on purpose: a removed e-mail would otherwise be written again into
		// the history as "removed"
		for (String table : List.of("contact_email", "contact_phone", "contact_tag")) {
			this.jdbc.update("DELETE FROM " + table + " WHERE contact_id = ?", id);
		}
		this.entityManager.detach(contact);
		this.index.indexContact(id, List.of(contact.displayName()));
		eraseHistory(id, identifiers);
	}

	/**
	 * The person to erase, now or from the history: the record's name, else the last name
	 * the history recorded for a deleted person.
	 */
	@Transactional(readOnly = true)
	public PersonToErase personToErase(long id) {
		Contact contact = this.contacts.findById(id).orElse(null);
		if (contact != null) {
			return new PersonToErase(id, contact.displayName(), false);
		}
		Map<String, @Nullable Object> last = lastRecorded(id);
		return new PersonToErase(id, (String) last.get("display_name"), true);
	}

	/**
	 * Its e-mails, phones and tags and search entries went with the row (the database
	 * cascades them), so only the history and the other modules' copies are left.
	 */
	private void eraseDeleted(long id) {
		Map<String, @Nullable Object> last = lastRecorded(id);
		List<String> identifiers = new ArrayList<>();
		for (String column : List.of("display_name", "given_name", "family_name")) {
			if (last.get(column) instanceof String value) {
				identifiers.add(value);
			}
		}
		identifiers.addAll(this.auditTrail.valuesEverHeld(AuditedEntity.CONTACT, "emails", id));
		identifiers.addAll(this.auditTrail.valuesEverHeld(AuditedEntity.CONTACT, "phones", id));
		eraseHistory(id, identifiers);
	}

	private Map<String, @Nullable Object> lastRecorded(long id) {
		return this.auditTrail.latestValues(AuditedEntity.CONTACT, id)
			.orElseThrow(() -> new NotFoundException("Contact", id));
	}

	private void eraseHistory(long id, List<String> identifiers) {
		String erasedName = ErasedPersonName.of(id);
		Set<Long> ids = Set.of(id);
		Map<String, @Nullable Object> erased = new HashMap<>();
		erased.put("given_name", null);
		erased.put("family_name", null);
		erased.put("display_name", erasedName);
		erased.put("name_key", TextFolding.key(erasedName));
		erased.put("preferred_language", null);
		erased.put("notes", null);
		erased.put("consent_source_detail", null);
		erased.put("consent_purpose", null);
		this.auditTrail.overwrite(AuditedEntity.CONTACT, ids, erased);
		for (String collection : List.of("emails", "phones", "tags")) {
			this.auditTrail.forgetCollection(AuditedEntity.CONTACT, collection, ids);
		}
		this.events.publishEvent(new PersonErased(id,
				identifiers.stream().filter((s) -> s != null && !s.isBlank()).distinct().toList()));
	}

	@Transactional(readOnly = true)
	public Page<ContactSummary> search(DirectoryQuery query, Pageable pageable) {
		return this.search.contacts(query, pageable);
	}

	@Transactional(readOnly = true)
	public ContactDetails get(long id) {
		return details(find(id));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.contacts.existsById(id);
	}

	/** Name, first email and country of the given people (unknown ids are left out). */
	@Transactional(readOnly = true)
	public List<ContactCard> cards(Collection<Long> ids) {
		return this.search.contactCards(ids);
	}

	public ContactDetails create(ContactRequest request) {
		checkEmailsFree(request.emails(), null);
		checkInScope(request.country(), false);
		Contact contact = new Contact();
		contact.apply(request);
		contact = this.contacts.saveAndFlush(contact);
		this.index.indexContact(contact.id(), contact.searchableTexts());
		return details(contact);
	}

	/**
	 * Applies a change based on {@code request.version()}; a stale version is refused.
	 */
	public ContactDetails update(long id, ContactRequest request) {
		Contact contact = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Contact", id, request.version(), contact.version());
		checkEmailsFree(request.emails(), id);
		// the affiliations read here are only those with organizations in scope
		checkInScope(request.country(), !this.affiliations.findByContact(id).isEmpty());
		contact.apply(request);
		contact = this.contacts.saveAndFlush(contact);
		this.index.indexContact(id, contact.searchableTexts());
		return details(contact);
	}

	public void delete(long id, @Nullable Long version) {
		Contact contact = find(id);
		if (version != null) {
			StaleVersionException.check("Contact", id, version, contact.version());
		}
		// only the affiliations in scope are read here; the database would remove the
		// others
		// with the person unseen, so a person also linked elsewhere is refused whole
		List<Affiliation> links = this.affiliations.findByContact(id);
		Long all = this.jdbc.queryForObject("SELECT COUNT(*) FROM affiliation WHERE contact_id = ?", Long.class, id);
		if (all != null && all > links.size()) {
			throw new OutOfScopeException("scope.contact.linkedElsewhere",
					"The person is also linked to organizations outside your countries", id);
		}
		this.affiliations.deleteAll(links);
		this.contacts.delete(contact);
	}

	@Transactional(readOnly = true)
	public List<AffiliationView> affiliationsOfContact(long contactId) {
		find(contactId);
		return this.affiliations.findByContact(contactId).stream().map(Affiliation::toView).toList();
	}

	@Transactional(readOnly = true)
	public List<AffiliationView> affiliationsOfOrganization(long organizationId) {
		if (!this.organizations.existsById(organizationId)) {
			throw new NotFoundException("Organization", organizationId);
		}
		return this.affiliations.findByOrganization(organizationId).stream().map(Affiliation::toView).toList();
	}

	@Transactional(readOnly = true)
	public AffiliationView affiliation(long contactId, long affiliationId) {
		return findAffiliation(contactId, affiliationId).toView();
	}

	/**
	 * Links a person to an organization; a new primary link makes the others non-primary.
	 */
	public AffiliationView affiliate(long contactId, AffiliationRequest request) {
		Contact contact = find(contactId);
		Organization organization = this.organizations.findById(request.organizationId())
			.orElseThrow(() -> new NotFoundException("Organization", request.organizationId()));
		Affiliation affiliation = new Affiliation(contact, organization);
		affiliation.apply(request);
		if (affiliation.primary()) {
			clearOtherPrimaries(contactId, null);
		}
		AffiliationView saved = this.affiliations.saveAndFlush(affiliation).toView();
		this.index.reindexContacts(List.of(contactId));
		return saved;
	}

	public AffiliationView updateAffiliation(long contactId, long affiliationId, AffiliationRequest request) {
		Affiliation affiliation = findAffiliation(contactId, affiliationId);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Affiliation", affiliationId, request.version(), affiliation.version());
		if (affiliation.organization().id() != request.organizationId()) {
			throw new BusinessRuleException("affiliation.organization.fixed",
					"An affiliation cannot move to another organization; end it and add a new one");
		}
		affiliation.apply(request);
		if (affiliation.primary()) {
			clearOtherPrimaries(contactId, affiliationId);
		}
		AffiliationView saved = this.affiliations.saveAndFlush(affiliation).toView();
		// its end date is a facet of the person's search tokens
		this.index.reindexContacts(List.of(contactId));
		return saved;
	}

	public void removeAffiliation(long contactId, long affiliationId, @Nullable Long version) {
		Affiliation affiliation = findAffiliation(contactId, affiliationId);
		if (version != null) {
			StaleVersionException.check("Affiliation", affiliationId, version, affiliation.version());
		}
		this.affiliations.delete(affiliation);
		this.affiliations.flush();
		this.index.reindexContacts(List.of(contactId));
	}

	private void clearOtherPrimaries(long contactId, @Nullable Long keep) {
		for (Affiliation other : this.affiliations.findByContact(contactId)) {
			if (other.primary() && (keep == null || other.id() != keep)) {
				other.clearPrimary();
			}
		}
	}

	private void checkEmailsFree(@Nullable List<String> emails, @Nullable Long self) {
		List<String> normalized = Contact.normalizedEmails(emails);
		if (normalized.isEmpty()) {
			return;
		}
		for (Long other : this.contacts.findIdsByEmails(normalized)) {
			if (!other.equals(self)) {
				throw new BusinessRuleException("contact.email.taken",
						"Another contact (id " + other + ") already has this email address", other);
			}
		}
	}

	/**
	 * A user limited to some countries may only save a person they will still see: of a
	 * country in scope, or linked to an organization in scope.
	 */
	private void checkInScope(@Nullable String country, boolean affiliatedInScope) {
		CountryScope current = this.scope.get();
		String code = (country == null || country.isBlank()) ? null : country.trim();
		if (!affiliatedInScope && !current.includes(code)) {
			throw new BusinessRuleException("scope.country.outside",
					"Your country scope does not include " + (code == null ? "records without a country" : code),
					code == null ? "-" : code, String.join(", ", current.countries()));
		}
	}

	private Contact find(long id) {
		return this.contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
	}

	private Affiliation findAffiliation(long contactId, long affiliationId) {
		return this.affiliations.findById(affiliationId)
			.filter((a) -> a.contact().id() == contactId)
			.orElseThrow(() -> new NotFoundException("Affiliation", affiliationId));
	}

	private ContactDetails details(Contact contact) {
		List<AffiliationView> links = this.affiliations.findByContact(contact.id())
			.stream()
			.map(Affiliation::toView)
			.toList();
		return contact.toDetails(links);
	}

}
