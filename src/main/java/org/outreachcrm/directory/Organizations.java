package org.outreachcrm.directory;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, creates, changes and removes partner organizations. */
@Service
@Transactional
public class Organizations {

	private final OrganizationRepository organizations;

	private final AffiliationRepository affiliations;

	private final DirectorySearch search;

	private final SearchIndex index;

	private final UserAccounts users;

	private final ApplicationEventPublisher events;

	private final CurrentScope scope;

	Organizations(OrganizationRepository organizations, AffiliationRepository affiliations, DirectorySearch search,
			SearchIndex index, UserAccounts users, ApplicationEventPublisher events, CurrentScope scope) {
		this.events = events;
		this.scope = scope;
		this.organizations = organizations;
		this.affiliations = affiliations;
		this.search = search;
		this.index = index;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public Page<OrganizationSummary> search(DirectoryQuery query, Pageable pageable) {
		return this.search.organizations(query, pageable);
	}

	/**
	 * Whether the words would find organizations or people in countries outside the
	 * viewer's scope: a scoped user whose search found nothing is told so, never what.
	 */
	@Transactional(readOnly = true)
	public boolean foundOutsideScope(DirectoryQuery query) {
		if (this.scope.get().all()) {
			return false;
		}
		boolean[] found = { false };
		this.scope.runAs(CountryScope.everything(),
				() -> found[0] = this.search.organizations(query, Pageable.ofSize(1)).getTotalElements() > 0
						|| this.search.contacts(query, Pageable.ofSize(1)).getTotalElements() > 0);
		return found[0];
	}

	@Transactional(readOnly = true)
	public OrganizationDetails get(long id) {
		return details(find(id));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.organizations.existsById(id);
	}

	/**
	 * Name, country, type, stage and creation time of the given organizations (unknown
	 * ids are left out), in one query: other modules combine these with their own data.
	 */
	@Transactional(readOnly = true)
	public List<OrganizationFacts> facts(Collection<Long> ids) {
		return this.search.facts(ids);
	}

	public OrganizationDetails create(OrganizationRequest request) {
		checkOwner(request.ownerId());
		checkInScope(request.country());
		Organization organization = new Organization();
		organization.apply(request);
		organization = this.organizations.saveAndFlush(organization);
		this.index.indexOrganization(organization.id(), organization.searchableTexts());
		OrganizationDetails details = details(organization);
		this.events.publishEvent(new OrganizationStageChanged(details.id(), null, details.stage(),
				author(details.createdBy()), details.createdAt()));
		return details;
	}

	/**
	 * Applies a change based on {@code request.version()}; a stale version is refused.
	 */
	public OrganizationDetails update(long id, OrganizationRequest request) {
		Organization organization = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Organization", id, request.version(), organization.version());
		checkOwner(request.ownerId());
		checkInScope(request.country());
		PartnershipStage before = organization.stage();
		OrganizationType typeBefore = organization.type();
		organization.apply(request);
		organization = this.organizations.saveAndFlush(organization);
		this.index.indexOrganization(id, organization.searchableTexts());
		if (organization.type() != typeBefore || organization.stage() != before) {
			// people are searched by their organizations' type and stage
			this.index.reindexPeopleOf(List.of(id));
		}
		OrganizationDetails details = details(organization);
		if (details.stage() != before) {
			this.events.publishEvent(new OrganizationStageChanged(id, before, details.stage(),
					author(details.updatedBy()), details.updatedAt()));
		}
		return details;
	}

	/**
	 * Moves an organization to another stage (a stale version is refused); the change is
	 * announced like one made through {@link #update}.
	 */
	public OrganizationDetails changeStage(long id, OrganizationStageRequest request) {
		Organization organization = find(id);
		StaleVersionException.check("Organization", id, request.version(), organization.version());
		PartnershipStage before = organization.stage();
		if (before == request.stage()) {
			return details(organization);
		}
		organization.changeStage(request.stage());
		OrganizationDetails details = details(this.organizations.saveAndFlush(organization));
		this.index.reindexPeopleOf(List.of(id));
		this.events.publishEvent(new OrganizationStageChanged(id, before, details.stage(), author(details.updatedBy()),
				details.updatedAt()));
		return details;
	}

	/**
	 * Removes an organization and its affiliations; with a version, a stale one is
	 * refused.
	 */
	public void delete(long id, @Nullable Long version) {
		Organization organization = find(id);
		if (version != null) {
			StaleVersionException.check("Organization", id, version, organization.version());
		}
		// entity by entity, so that each removal is seen by the persistence context (and
		// later the audit trail)
		List<Affiliation> links = this.affiliations.findByOrganization(id);
		this.affiliations.deleteAll(links);
		this.organizations.delete(organization);
		this.organizations.flush();
		// the people stay, without this organization's type and stage among their facets
		this.index.reindexContacts(links.stream().map((link) -> link.contact().id()).distinct().toList());
	}

	private static String author(@Nullable String username) {
		return username == null ? "system" : username;
	}

	private void checkOwner(@Nullable Long ownerId) {
		if (ownerId != null && !this.users.exists(ownerId)) {
			throw new BusinessRuleException("organization.owner.unknown", "There is no user with id " + ownerId,
					ownerId);
		}
	}

	/**
	 * A user limited to some countries may only place organizations in those countries:
	 * anything else would vanish from their sight on save.
	 */
	private void checkInScope(@Nullable String country) {
		CountryScope current = this.scope.get();
		String code = (country == null || country.isBlank()) ? null : country.trim();
		if (!current.includes(code)) {
			throw new BusinessRuleException("scope.country.outside",
					"Your country scope does not include " + (code == null ? "records without a country" : code),
					code == null ? "-" : code, String.join(", ", current.countries()));
		}
	}

	private Organization find(long id) {
		return this.organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

	private OrganizationDetails details(Organization organization) {
		Long ownerId = organization.toDetails(null).ownerId();
		String ownerName = ownerId == null ? null : this.users.get(ownerId).displayName();
		return organization.toDetails(ownerName);
	}

}
