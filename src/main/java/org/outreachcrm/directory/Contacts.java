package org.outreachcrm.directory;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

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

	Contacts(ContactRepository contacts, OrganizationRepository organizations, AffiliationRepository affiliations,
			DirectorySearch search, SearchIndex index, CurrentScope scope) {
		this.scope = scope;
		this.contacts = contacts;
		this.organizations = organizations;
		this.affiliations = affiliations;
		this.search = search;
		this.index = index;
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
		this.affiliations.deleteAll(this.affiliations.findByContact(id));
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
		return this.affiliations.saveAndFlush(affiliation).toView();
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
		return this.affiliations.saveAndFlush(affiliation).toView();
	}

	public void removeAffiliation(long contactId, long affiliationId, @Nullable Long version) {
		Affiliation affiliation = findAffiliation(contactId, affiliationId);
		if (version != null) {
			StaleVersionException.check("Affiliation", affiliationId, version, affiliation.version());
		}
		this.affiliations.delete(affiliation);
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
