package org.outreachcrm.outreach.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpQuery;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.Interactions;

import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/follow-ups")
@Tag(name = "Follow-ups", description = "What someone has to do next, by due date")
class FollowUpApiController {

	private final FollowUps followUps;

	FollowUpApiController(FollowUps followUps) {
		this.followUps = followUps;
	}

	@GetMapping
	@Operation(summary = "List follow-ups: overdue, today, upcoming",
			description = "STAFF see only their own (another assigneeId answers 403); MANAGER and ADMIN see everyone's, "
					+ "filtered by assigneeId and country. zone decides what today is (default UTC).")
	PagedModel<FollowUpView> list(@RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String zone,
			@RequestParam(defaultValue = "false") boolean includeCompleted, Pageable pageable) {
		String countryCode = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
		return new PagedModel<>(this.followUps
			.list(new FollowUpQuery(assigneeId, countryCode, zone(zone), includeCompleted), pageable));
	}

	@GetMapping("/mine")
	@Operation(summary = "My open follow-ups: overdue, today, upcoming")
	PagedModel<FollowUpView> mine(@RequestParam(required = false) @Nullable String zone, Pageable pageable) {
		return new PagedModel<>(this.followUps.mine(zone(zone), pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a follow-up")
	FollowUpView get(@PathVariable long id, @RequestParam(required = false) @Nullable String zone) {
		return this.followUps.get(id, zone(zone));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Complete a follow-up",
			description = "with interaction, logs it in the same transaction; a stale version answers 409")
	FollowUpView complete(@PathVariable long id, @RequestParam(required = false) @Nullable String zone,
			@Valid @RequestBody FollowUpCompletion completion) {
		return this.followUps.complete(id, completion, zone(zone));
	}

	@GetMapping("/done")
	@Operation(summary = "Completed follow-ups, most recently completed first",
			description = "STAFF see their own; MANAGER and ADMIN everyone's or one assigneeId's")
	PagedModel<FollowUpView> done(@RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable String zone, Pageable pageable) {
		return new PagedModel<>(this.followUps.done(assigneeId, zone(zone), pageable));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Open a completed follow-up again", description = "a stale version answers 409")
	FollowUpView reopen(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String zone) {
		return this.followUps.reopen(id, version, zone(zone));
	}

	@PostMapping("/{id}/snooze")
	@Operation(summary = "Move an open follow-up to another day (today or later)",
			description = "a stale version answers 409")
	FollowUpView snooze(@PathVariable long id, @RequestParam long version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) @Nullable String zone) {
		return this.followUps.snooze(id, version, dueOn, zone(zone));
	}

	@PostMapping("/{id}/reassign")
	@Operation(summary = "Hand an open follow-up to another user",
			description = "the user must work with the organization's country; a stale version answers 409")
	FollowUpView reassign(@PathVariable long id, @RequestParam long version, @RequestParam long assigneeId,
			@RequestParam(required = false) @Nullable String zone) {
		return this.followUps.reassign(id, version, assigneeId, zone(zone));
	}

	private static ZoneId zone(@Nullable String zone) {
		return Interactions.zone(zone);
	}

}
