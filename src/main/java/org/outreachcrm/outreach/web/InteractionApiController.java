package org.outreachcrm.outreach.web;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.InteractionQuery;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.InteractionWriter;
import org.outreachcrm.outreach.Interactions;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
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
@RequestMapping("/api/interactions")
@Tag(name = "Interactions", description = "Calls, emails, meetings and other contacts with organizations")
class InteractionApiController {

	private final Interactions interactions;

	private final InteractionWriter writer;

	InteractionApiController(Interactions interactions, InteractionWriter writer) {
		this.interactions = interactions;
		this.writer = writer;
	}

	@GetMapping
	@Operation(summary = "List interactions, newest first",
			description = "from is inclusive, to exclusive (ISO-8601 instants); zone shows localTime in that zone")
	PagedModel<InteractionView> list(@RequestParam(required = false) @Nullable Long organizationId,
			@RequestParam(required = false) @Nullable Long contactId,
			@RequestParam(required = false) @Nullable Long campaignId,
			@RequestParam(required = false) @Nullable InteractionType type,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable String zone,
			Pageable pageable) {
		return new PagedModel<>(this.interactions
			.list(new InteractionQuery(organizationId, contactId, campaignId, type, from, to), pageable, viewer(zone)));
	}

	@PostMapping
	@Operation(summary = "Log an interaction",
			description = "staffId defaults to the current user; followUp sets a follow-up (assignee defaults to the current user)")
	ResponseEntity<InteractionView> create(@Valid @RequestBody InteractionRequest request) {
		// concurrent posts of one login share a transaction (group commit)
		InteractionView created = this.writer.log(request);
		return ResponseEntity.created(URI.create("/api/interactions/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an interaction", description = "zone: the viewer's time zone for localTime")
	InteractionView get(@PathVariable long id, @RequestParam(required = false) @Nullable String zone) {
		return this.interactions.get(id, viewer(zone));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an interaction", description = "a stale version answers 409")
	InteractionView update(@PathVariable long id, @Valid @RequestBody InteractionRequest request) {
		return this.interactions.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an interaction and its follow-ups",
			description = "with ?version=, a stale version answers 409")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		this.interactions.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	static java.time.@Nullable ZoneId viewer(@Nullable String zone) {
		return zone == null || zone.isBlank() ? null : Interactions.zone(zone);
	}

}
