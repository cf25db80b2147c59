package org.outreachcrm.directory.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationStageRequest;
import org.outreachcrm.directory.OrganizationSummary;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.web.SortableBy;

import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations", description = "Partner organizations of the directory")
class OrganizationApiController {

	private final Organizations organizations;

	private final Contacts contacts;

	OrganizationApiController(Organizations organizations, Contacts contacts) {
		this.organizations = organizations;
		this.contacts = contacts;
	}

	@GetMapping
	@Operation(summary = "Search organizations",
			description = "q matches words of name, city, email, website and tags, accent- and case-insensitively, each word as a prefix")
	DirectoryPagedModel<OrganizationSummary> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganizationType type,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable PartnershipStage stage,
			@RequestParam(required = false) @Nullable String tag,
			@SortableBy({ "name", "country", "type", "stage", "city", "createdAt", "updatedAt" }) Pageable pageable) {
		return new DirectoryPagedModel<>(this.organizations.search(
				new DirectoryQuery(q, type, Requests.country(country), stage, Requests.blankToNull(tag), null),
				pageable));
	}

	@PostMapping
	@Operation(summary = "Create an organization")
	ResponseEntity<OrganizationDetails> create(@Valid @RequestBody OrganizationRequest request) {
		OrganizationDetails created = this.organizations.create(request);
		return ResponseEntity.created(URI.create("/api/organizations/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an organization")
	OrganizationDetails get(@PathVariable long id) {
		return this.organizations.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an organization",
			description = "version must be the one the change is based on; a stale version answers 409")
	OrganizationDetails update(@PathVariable long id, @Valid @RequestBody OrganizationRequest request) {
		return this.organizations.update(id, request);
	}

	@PostMapping("/{id}/stage")
	@Operation(summary = "Move an organization to another partnership stage",
			description = "body {stage, version}; the change is recorded in the stage history; a stale version answers 409")
	OrganizationDetails changeStage(@PathVariable long id, @Valid @RequestBody OrganizationStageRequest request) {
		return this.organizations.changeStage(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an organization (ADMIN)", description = "with ?version=, a stale version answers 409")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.organizations.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/affiliations")
	@Operation(summary = "People affiliated with an organization, current and past")
	List<AffiliationView> affiliations(@PathVariable long id) {
		return this.contacts.affiliationsOfOrganization(id);
	}

}
