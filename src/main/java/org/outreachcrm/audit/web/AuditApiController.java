package org.outreachcrm.audit.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditLog;
import org.outreachcrm.audit.AuditLogQuery;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.RecordHistory;
import org.outreachcrm.audit.RevisionView;
import org.outreachcrm.shared.BusinessRuleException;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who changed what, when and from where")
class AuditApiController {

	private final RecordHistory history;

	private final AuditLog log;

	AuditApiController(RecordHistory history, AuditLog log) {
		this.history = history;
		this.log = log;
	}

	@GetMapping("/api/audit")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The global audit log (ADMIN)",
			description = "Revisions newest first with the records each touched, merged in time order with finished imports (source IMPORT) and their undo (IMPORT_UNDO): those have no revision, sourceRef is the import id and summary holds the file name and counts; user, entity (organization, contact, affiliation, interaction, follow-up, campaign, meeting, invitation, user), from and to (ISO instants, to exclusive) filter; with an entity filter an import is listed when it created or updated records of that kind")
	PagedModel<RevisionView> audit(@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String entity,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, Pageable pageable) {
		AuditedEntity type = null;
		if (entity != null && !entity.isBlank()) {
			type = AuditedEntity.fromKey(entity)
				.orElseThrow(() -> new BusinessRuleException("audit.entity.unknown", "Unknown entity: " + entity));
		}
		return new PagedModel<>(this.log.search(new AuditLogQuery(user, type, from, to), pageable));
	}

	@GetMapping("/api/organizations/{id}/history")
	@Operation(summary = "An organization's history field by field",
			description = "With its affiliations, interactions and follow-ups; imports and their undo appear as such. Newest first.")
	List<HistoryEntry> organization(@PathVariable long id) {
		return this.history.organization(id);
	}

	@GetMapping("/api/contacts/{id}/history")
	@Operation(summary = "A contact's history field by field", description = "With their affiliations. Newest first.")
	List<HistoryEntry> contact(@PathVariable long id) {
		return this.history.contact(id);
	}

}
