package org.outreachcrm.directory.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page: one search box over organizations and people, because users rarely know
 * which of the two they are looking for.
 */
@PageController
class DirectoryPageController {

	private static final int TOP = 10;

	private static final int SUGGESTIONS = 5;

	private final Organizations organizations;

	private final Contacts contacts;

	DirectoryPageController(Organizations organizations, Contacts contacts) {
		this.organizations = organizations;
		this.contacts = contacts;
	}

	@GetMapping("/directory")
	String search(@RequestParam(required = false) @Nullable String q, HtmxRequest htmx, Model model) {
		String text = Requests.blankToNull(q);
		model.addAttribute("q", (text == null) ? "" : text);
		if (text != null) {
			DirectoryQuery query = DirectoryQuery.text(text);
			var organizations = this.organizations.search(query, PageRequest.of(0, TOP));
			var contacts = this.contacts.search(query, PageRequest.of(0, TOP));
			model.addAttribute("organizations", organizations);
			model.addAttribute("contacts", contacts);
			model.addAttribute("outOfScope",
					organizations.isEmpty() && contacts.isEmpty() && this.organizations.foundOutsideScope(query));
		}
		return Fragments.pageOrFragment(htmx, "directory/search", "results");
	}

	/**
	 * What the top bar's search box shows while typing: a few organizations and people,
	 * and for a scoped user whose words find nothing, whether they would find something
	 * in other countries.
	 */
	@GetMapping("/search/suggest")
	String suggest(@RequestParam(required = false) @Nullable String q, Model model) {
		String text = Requests.blankToNull(q);
		model.addAttribute("q", (text == null) ? "" : text);
		if (text != null) {
			DirectoryQuery query = DirectoryQuery.text(text);
			var organizations = this.organizations.search(query, PageRequest.of(0, SUGGESTIONS));
			var contacts = this.contacts.search(query, PageRequest.of(0, SUGGESTIONS));
			model.addAttribute("organizations", organizations);
			model.addAttribute("contacts", contacts);
			model.addAttribute("outOfScope",
					organizations.isEmpty() && contacts.isEmpty() && this.organizations.foundOutsideScope(query));
		}
		return "directory/search :: suggestions";
	}

}
