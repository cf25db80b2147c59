package org.outreachcrm.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.MergeChoice;
import org.outreachcrm.directory.MergeCounter;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeRequest;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.RecordMerging;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.PageController;
import org.outreachcrm.shared.web.Plurals;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merge page: two records side by side, a choice for each value that differs (the
 * kept record's preselected), what will move, and the undo of a merge from the kept
 * record's history.
 */
@PageController
class MergePageController {

	private final RecordMerging merging;

	private final Organizations organizations;

	private final Contacts contacts;

	private final List<MergeCounter> counters;

	private final ViewFormats formats;

	private final MessageSource messages;

	private final Plurals plurals;

	MergePageController(RecordMerging merging, Organizations organizations, Contacts contacts,
			List<MergeCounter> counters, ViewFormats formats, MessageSource messages, Plurals plurals) {
		this.plurals = plurals;
		this.merging = merging;
		this.organizations = organizations;
		this.contacts = contacts;
		this.counters = counters;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/organizations/{keepId}/merge/{otherId}")
	String organizations(@PathVariable long keepId, @PathVariable long otherId, Model model) {
		OrganizationDetails kept = this.organizations.get(keepId);
		OrganizationDetails other = this.organizations.get(otherId);
		List<Row> rows = new ArrayList<>();
		row(rows, "name", kept.name(), other.name());
		row(rows, "type", label("OrganizationType.", kept.type()), label("OrganizationType.", other.type()));
		row(rows, "country", country(kept.country()), country(other.country()));
		row(rows, "city", kept.city(), other.city());
		row(rows, "website", kept.website(), other.website());
		row(rows, "email", kept.email(), other.email());
		row(rows, "phone", kept.phone(), other.phone());
		row(rows, "languages", languages(kept.languages()), languages(other.languages()));
		row(rows, "description", kept.description(), other.description());
		row(rows, "stage", label("PartnershipStage.", kept.stage()), label("PartnershipStage.", other.stage()));
		row(rows, "owner", kept.ownerName(), other.ownerName());
		Map<String, Long> moves = new LinkedHashMap<>();
		moves.put("merge.moves.affiliations", (long) this.contacts.affiliationsOfOrganization(otherId).size());
		moves.put("merge.moves.tags", other.tags().stream().filter((t) -> !kept.tags().contains(t)).count());
		return page(model, MergeKind.ORGANIZATION, "organization", keepId, otherId, kept.name(), other.name(),
				kept.version(), rows, moves);
	}

	@GetMapping("/contacts/{keepId}/merge/{otherId}")
	String contacts(@PathVariable long keepId, @PathVariable long otherId, Model model) {
		ContactDetails kept = this.contacts.get(keepId);
		ContactDetails other = this.contacts.get(otherId);
		List<Row> rows = new ArrayList<>();
		row(rows, "givenName", kept.givenName(), other.givenName());
		row(rows, "familyName", kept.familyName(), other.familyName());
		row(rows, "displayName", kept.displayName(), other.displayName());
		row(rows, "preferredLanguage", language(kept.preferredLanguage()), language(other.preferredLanguage()));
		row(rows, "country", country(kept.country()), country(other.country()));
		row(rows, "notes", kept.notes(), other.notes());
		Map<String, Long> moves = new LinkedHashMap<>();
		moves.put("merge.moves.affiliations", (long) other.affiliations().size());
		moves.put("merge.moves.emails", other.emails().stream().filter((e) -> !kept.emails().contains(e)).count());
		moves.put("merge.moves.phones", other.phones().stream().filter((p) -> !kept.phones().contains(p)).count());
		moves.put("merge.moves.tags", other.tags().stream().filter((t) -> !kept.tags().contains(t)).count());
		return page(model, MergeKind.CONTACT, "contact", keepId, otherId, kept.displayName(), other.displayName(),
				kept.version(), rows, moves);
	}

	@PostMapping("/organizations/{keepId}/merge/{otherId}")
	String mergeOrganizations(@PathVariable long keepId, @PathVariable long otherId, @RequestParam long version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		return merge("/organizations/", keepId, otherId, redirect,
				() -> this.merging.mergeOrganizations(keepId, request(otherId, version, params, true)));
	}

	@PostMapping("/contacts/{keepId}/merge/{otherId}")
	String mergeContacts(@PathVariable long keepId, @PathVariable long otherId, @RequestParam long version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		return merge("/contacts/", keepId, otherId, redirect,
				() -> this.merging.mergeContacts(keepId, request(otherId, version, params, false)));
	}

	@PostMapping("/merges/{id}/undo")
	String undo(@PathVariable long id, RedirectAttributes redirect) {
		RecordMerging.Merge merge = this.merging.merge(id);
		String base = merge.kind() == MergeKind.ORGANIZATION ? "/organizations/" : "/contacts/";
		try {
			MergeUndone undone = this.merging.undo(id);
			redirect.addFlashAttribute("flash", "merge.undone");
			return "redirect:" + base + undone.keptId();
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashErrorArgs", ex.arguments());
			return "redirect:" + base + merge.keptId();
		}
	}

	private String merge(String base, long keepId, long otherId, RedirectAttributes redirect, Runnable work) {
		try {
			work.run();
			redirect.addFlashAttribute("flash", "merge.done");
			return "redirect:" + base + keepId;
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", "merge.conflict");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashErrorArgs", ex.arguments());
		}
		return "redirect:" + base + keepId + "/merge/" + otherId;
	}

	/**
	 * The choices from the form: {@code choice.<field>} = KEPT or MERGED, allowed fields
	 * only.
	 */
	private static MergeRequest request(long otherId, long version, Map<String, String> params, boolean organization) {
		List<String> allowed = organization ? RecordMerging.ORGANIZATION_FIELDS : RecordMerging.CONTACT_FIELDS;
		Map<String, MergeChoice> fields = new LinkedHashMap<>();
		for (String field : allowed) {
			if ("MERGED".equals(params.get("choice." + field))) {
				fields.put(field, MergeChoice.MERGED);
			}
		}
		return new MergeRequest(otherId, fields, version);
	}

	private String page(Model model, MergeKind kind, String noun, long keepId, long otherId, String keptName,
			String otherName, long version, List<Row> rows, Map<String, Long> moves) {
		for (MergeCounter counter : this.counters) {
			counter.counts(kind, otherId).forEach((key, count) -> moves.merge(key, count, Long::sum));
		}
		List<Move> summary = new ArrayList<>();
		moves.forEach((key, count) -> {
			if (count > 0) {
				summary.add(new Move(key, count, this.plurals.format(key, count)));
			}
		});
		String base = kind == MergeKind.ORGANIZATION ? "/organizations/" : "/contacts/";
		model.addAttribute("kind", kind.name());
		model.addAttribute("noun", noun);
		model.addAttribute("keptName", keptName);
		model.addAttribute("otherName", otherName);
		model.addAttribute("keptPath", base + keepId);
		model.addAttribute("otherPath", base + otherId);
		model.addAttribute("action", base + keepId + "/merge/" + otherId);
		model.addAttribute("swapPath", base + otherId + "/merge/" + keepId);
		model.addAttribute("version", version);
		model.addAttribute("rows", rows);
		model.addAttribute("moves", summary);
		model.addAttribute("contact", kind == MergeKind.CONTACT);
		return "directory/merge";
	}

	private static void row(List<Row> rows, String field, @Nullable String kept, @Nullable String other) {
		if (!Objects.equals(blankToNull(kept), blankToNull(other))) {
			rows.add(new Row(field, kept, other));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private String label(String prefix, Enum<?> value) {
		return this.messages.getMessage(prefix + value.name(), null, value.name(), LocaleContextHolder.getLocale());
	}

	private @Nullable String country(@Nullable String code) {
		return code == null ? null : this.formats.country(code);
	}

	private @Nullable String language(@Nullable String code) {
		return code == null ? null : this.formats.language(code);
	}

	private @Nullable String languages(List<String> codes) {
		return codes.isEmpty() ? null : String.join(", ", codes.stream().map(this.formats::language).toList());
	}

	/**
	 * One differing field: its name (for the label and the choice) and both values as
	 * shown.
	 */
	record Row(String field, @Nullable String kept, @Nullable String other) {
	}

	/** One line of what moves: the message key of its count, the count, and the words. */
	record Move(String key, long count, String text) {
	}

}
