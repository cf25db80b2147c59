package org.outreachcrm.directory.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.ConsentRequest;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.ContactSummary;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.OrganizationType;
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

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "People of the directory and their affiliations")
class ContactApiController {

	private final Contacts contacts;

	ContactApiController(Contacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	@Operation(summary = "Search contacts",
			description = "q matches words of names, emails and tags, accent- and case-insensitively; type, stage and organizationId filter through current affiliations")
	DirectoryPagedModel<ContactSummary> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganizationType type,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable PartnershipStage stage,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Long organizationId,
			@SortableBy({ "name", "displayName", "country", "createdAt", "updatedAt" }) Pageable pageable) {
		return new DirectoryPagedModel<>(this.contacts.search(new DirectoryQuery(q, type, Requests.country(country),
				stage, Requests.blankToNull(tag), organizationId), pageable));
	}

	@PostMapping
	@Operation(summary = "Create a contact")
	ResponseEntity<ContactDetails> create(@Valid @RequestBody ContactRequest request) {
		ContactDetails created = this.contacts.create(request);
		return ResponseEntity.created(URI.create("/api/contacts/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a contact with affiliations")
	ContactDetails get(@PathVariable long id) {
		return this.contacts.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a contact",
			description = "version must be the one the change is based on; a stale version answers 409")
	ContactDetails update(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
		return this.contacts.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a contact (ADMIN)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.contacts.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/consent")
	@Operation(summary = "Change a contact's consent",
			description = "status GIVEN, WITHDRAWN or UNKNOWN; source FORM, IMPORT or MEETING with a detail (file, meeting); version is the contact's, a stale one answers 409")
	ContactDetails consent(@PathVariable long id, @Valid @RequestBody ConsentRequest request) {
		return this.contacts.updateConsent(id, request);
	}

	@PostMapping("/{id}/consent/withdraw")
	@Operation(summary = "Record that the person withdrew their consent today")
	ContactDetails withdrawConsent(@PathVariable long id) {
		return this.contacts.withdrawConsent(id);
	}

	@GetMapping("/{id}/affiliations")
	@Operation(summary = "A contact's affiliations, current and past")
	List<AffiliationView> affiliations(@PathVariable long id) {
		return this.contacts.affiliationsOfContact(id);
	}

	@PostMapping("/{id}/affiliations")
	@Operation(summary = "Link a contact to an organization")
	ResponseEntity<AffiliationView> affiliate(@PathVariable long id, @Valid @RequestBody AffiliationRequest request) {
		AffiliationView created = this.contacts.affiliate(id, request);
		return ResponseEntity.created(URI.create("/api/contacts/" + id + "/affiliations/" + created.id()))
			.body(created);
	}

	@GetMapping("/{id}/affiliations/{affiliationId}")
	@Operation(summary = "One affiliation of a contact")
	AffiliationView affiliation(@PathVariable long id, @PathVariable long affiliationId) {
		return this.contacts.affiliation(id, affiliationId);
	}

	@PutMapping("/{id}/affiliations/{affiliationId}")
	@Operation(summary = "Change an affiliation (role, primary flag, dates)")
	AffiliationView updateAffiliation(@PathVariable long id, @PathVariable long affiliationId,
			@Valid @RequestBody AffiliationRequest request) {
		return this.contacts.updateAffiliation(id, affiliationId, request);
	}

	@DeleteMapping("/{id}/affiliations/{affiliationId}")
	@Operation(summary = "Remove an affiliation entered by mistake (end it instead to keep history)")
	ResponseEntity<Void> removeAffiliation(@PathVariable long id, @PathVariable long affiliationId,
			@RequestParam(required = false) @Nullable Long version) {
		this.contacts.removeAffiliation(id, affiliationId, version);
		return ResponseEntity.noContent().build();
	}

}
