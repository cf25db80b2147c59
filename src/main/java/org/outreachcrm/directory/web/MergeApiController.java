package org.outreachcrm.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.MergeRequest;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.RecordMerging;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Merging duplicate organizations and people, and undoing a merge. */
@RestController
@Tag(name = "Merges", description = "Merging duplicate records into one, and undoing a merge")
class MergeApiController {

	private final RecordMerging merging;

	MergeApiController(RecordMerging merging) {
		this.merging = merging;
	}

	@PostMapping("/api/organizations/{keepId}/merge")
	@Operation(summary = "Merge another organization into this one",
			description = "body {mergeId, fields: {name: MERGED|KEPT, ...}, version}: mergeId is the organization merged INTO keepId; fields (name, type, country, city, website, email, phone, languages, description, stage, owner) choose which value stays, unnamed ones keep this organization's; version is this organization's (stale: 409). Tags are joined, and everything of the merged organization moves here. Answers this organization as GET does; the merged id then answers 404 with mergedInto")
	OrganizationDetails mergeOrganization(@PathVariable long keepId, @Valid @RequestBody MergeRequest request) {
		return this.merging.mergeOrganizations(keepId, request);
	}

	@PostMapping("/api/contacts/{keepId}/merge")
	@Operation(summary = "Merge another person into this one",
			description = "body {mergeId, fields: {givenName: MERGED|KEPT, ...}, version}: fields givenName, familyName, displayName, preferredLanguage, country, notes; e-mails, phones and tags are joined, the stricter consent stays (a withdrawal is never lost)")
	ContactDetails mergeContact(@PathVariable long keepId, @Valid @RequestBody MergeRequest request) {
		return this.merging.mergeContacts(keepId, request);
	}

	@PostMapping("/api/merges/{id}/undo")
	@Operation(summary = "Undo a merge",
			description = "restores both records and moves back what came from the merged one; 409 with the reason when something later conflicts (the kept record was changed, merged or deleted since, or a moved row was deleted since)")
	MergeUndone undo(@PathVariable long id) {
		return this.merging.undo(id);
	}

}
