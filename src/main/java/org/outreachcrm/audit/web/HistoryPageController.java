package org.outreachcrm.audit.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditLog;
import org.outreachcrm.audit.AuditLogQuery;
import org.outreachcrm.audit.AuditedEntity;
import org.outreachcrm.audit.HistoryEntry;
import org.outreachcrm.audit.RecordHistory;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "History" of organizations, contacts and meetings (an htmx fragment of their pages,
 * or a page of its own without JavaScript) and the admin's audit log.
 */
@PageController
class HistoryPageController {

	private static final int LOG_PAGE_SIZE = 50;

	private final RecordHistory history;

	private final AuditLog log;

	private final HistoryText text;

	HistoryPageController(RecordHistory history, AuditLog log, HistoryText text) {
		this.history = history;
		this.log = log;
		this.text = text;
	}

	@GetMapping("/organizations/{id}/history")
	String organization(@PathVariable long id, HtmxRequest htmx, Model model) {
		return show(htmx, model, "/organizations/" + id, this.history.organization(id));
	}

	@GetMapping("/contacts/{id}/history")
	String contact(@PathVariable long id, HtmxRequest htmx, Model model) {
		return show(htmx, model, "/contacts/" + id, this.history.contact(id));
	}

	@GetMapping("/interactions/{id}/history")
	String interaction(@PathVariable long id, HtmxRequest htmx, Model model) {
		return show(htmx, model, "/interactions/" + id, this.history.interaction(id));
	}

	@GetMapping("/follow-ups/{id}/history")
	String followUp(@PathVariable long id, HtmxRequest htmx, Model model) {
		return show(htmx, model, "/follow-ups/" + id, this.history.followUp(id));
	}

	@GetMapping("/meetings/{id}/history")
	String meeting(@PathVariable long id, HtmxRequest htmx, Model model) {
		return show(htmx, model, "/meetings/" + id, this.history.meeting(id));
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("hasRole('ADMIN')")
	String auditLog(@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
		AuditedEntity type = entity == null || entity.isBlank() ? null : AuditedEntity.fromKey(entity).orElse(null);
		AuditLogQuery query = new AuditLogQuery(user, type,
				from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		var revisions = this.log.search(query, PageRequest.of(Math.max(page, 0), LOG_PAGE_SIZE));
		model.addAttribute("revisions", revisions);
		model.addAttribute("words", this.text.audit(revisions.getContent()));
		model.addAttribute("entities", AuditedEntity.values());
		model.addAttribute("user", user);
		model.addAttribute("entity", type == null ? null : type.key());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return Fragments.pageOrFragment(htmx, "audit/audit-log", "results");
	}

	private String show(HtmxRequest htmx, Model model, String subjectPath, java.util.List<HistoryEntry> entries) {
		model.addAttribute("entries", this.text.lines(entries));
		model.addAttribute("subjectPath", subjectPath);
		return Fragments.pageOrFragment(htmx, "audit/history", "history");
	}

}
