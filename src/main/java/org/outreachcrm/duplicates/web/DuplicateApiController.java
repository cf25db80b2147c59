package org.outreachcrm.duplicates.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.DuplicatePair;
import org.outreachcrm.duplicates.DuplicatePairs;
import org.outreachcrm.duplicates.DuplicateScan;
import org.outreachcrm.duplicates.DuplicateScans;
import org.outreachcrm.duplicates.ScanStatus;
import org.outreachcrm.shared.web.Plurals;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/duplicates")
@Tag(name = "Duplicates",
		description = "Possible duplicates of organizations and people: full scans, the review queue within the "
				+ "caller's country scope, and 'not a duplicate' (STAFF and above)")
class DuplicateApiController {

	private final DuplicatePairs pairs;

	private final DuplicateScans scans;

	private final MessageSource messages;

	private final Plurals plurals;

	DuplicateApiController(DuplicatePairs pairs, DuplicateScans scans, MessageSource messages, Plurals plurals) {
		this.pairs = pairs;
		this.scans = scans;
		this.messages = messages;
		this.plurals = plurals;
	}

	@PostMapping("/scans")
	@Operation(summary = "Start a full scan (202 with its id); while a scan of the same kind is queued or running, "
			+ "anywhere in the cluster, the answer is that scan's id")
	ResponseEntity<Map<String, Long>> scan(@Valid @RequestBody ScanRequest request, Principal principal) {
		DuplicateScan scan = this.scans.request(request.kind(), principal.getName());
		return ResponseEntity.accepted()
			.location(URI.create("/api/duplicates/scans/" + scan.id()))
			.body(Map.of("id", scan.id()));
	}

	@GetMapping("/scans/{id}")
	@Operation(summary = "A scan's status (QUEUED, RUNNING, COMPLETED, FAILED), the new pairs it found so far, and "
			+ "a message in the request's language")
	ScanJson scan(@PathVariable long id, Locale locale) {
		DuplicateScan scan = this.scans.get(id);
		String message = switch (scan.status()) {
			case COMPLETED -> this.plurals.format(locale, "duplicates.scan.completed", scan.pairsFound());
			case FAILED -> this.messages
				.getMessage((scan.messageKey() != null) ? scan.messageKey() : "duplicates.scan.failed", null, locale);
			default -> null;
		};
		return new ScanJson(scan.id(), scan.kind(), scan.status(), scan.pairsFound(), message);
	}

	@GetMapping
	@Operation(summary = "Open pairs of a kind, best first, whose two records are both in the caller's scope; "
			+ "minScore from 0 to 1; import: only the pairs that import run found; reasons in the request's language")
	PagedModel<PairJson> open(@RequestParam MergeKind kind, @RequestParam(defaultValue = "0") double minScore,
			@RequestParam(name = "import", required = false) @Nullable Long importId, Pageable pageable,
			Locale locale) {
		if (!(minScore >= 0 && minScore <= 1)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minScore must be between 0 and 1");
		}
		return new PagedModel<>(this.pairs.open(kind, minScore, importId, pageable).map((pair) -> json(pair, locale)));
	}

	@PostMapping("/{id}/dismiss")
	@Operation(summary = "Not a duplicate: the pair leaves the queue and is never proposed again (204)")
	ResponseEntity<Void> dismiss(@PathVariable long id, Principal principal) {
		this.pairs.dismiss(id, principal.getName());
		return ResponseEntity.noContent().build();
	}

	private PairJson json(DuplicatePair pair, Locale locale) {
		return new PairJson(pair.id(), pair.kind(), pair.firstId(), pair.secondId(), pair.score(),
				pair.reasons().stream().map((r) -> this.messages.getMessage(r.messageKey(), null, locale)).toList());
	}

	record ScanRequest(@NotNull MergeKind kind) {
	}

	record ScanJson(long id, MergeKind kind, ScanStatus status, int pairsFound, @Nullable String message) {
	}

	record PairJson(long id, MergeKind kind, long firstId, long secondId, double score, List<String> reasons) {
	}

}
