package org.outreachcrm.directory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The affiliations section of a contact page: add, change, end and remove links to
 * organizations. htmx requests get the section back; without JavaScript the forms post
 * normally and land on the whole page.
 */
@PageController
@RequestMapping("/contacts/{contactId}/affiliations")
class AffiliationPageController {

	private static final String PAGE = "directory/contact-detail";

	private static final String SECTION = "affiliations";

	private static final Map<String, String> ALIASES = Map.of("endAfterStart", "endDate");

	private final Contacts contacts;

	private final Validator validator;

	private final Clock clock;

	AffiliationPageController(Contacts contacts, Validator validator, Clock clock) {
		this.contacts = contacts;
		this.validator = validator;
		this.clock = clock;
	}

	@PostMapping
	String add(@PathVariable long contactId, @ModelAttribute("affiliationForm") AffiliationForm form,
			BindingResult result, HtmxRequest htmx, Model model) {
		AffiliationRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, ALIASES);
		if (!result.hasErrors()) {
			try {
				this.contacts.affiliate(contactId, request);
				return done(contactId, "affiliation.added", htmx, model);
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		return section(contactId, null, htmx, model);
	}

	@GetMapping("/{affiliationId}/edit")
	String editForm(@PathVariable long contactId, @PathVariable long affiliationId, HtmxRequest htmx, Model model) {
		model.addAttribute("editForm", AffiliationForm.of(this.contacts.affiliation(contactId, affiliationId)));
		model.addAttribute("affiliationForm", new AffiliationForm());
		return section(contactId, affiliationId, htmx, model);
	}

	@PostMapping("/{affiliationId}")
	String update(@PathVariable long contactId, @PathVariable long affiliationId,
			@ModelAttribute("editForm") AffiliationForm form, BindingResult result, HtmxRequest htmx, Model model) {
		AffiliationRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, ALIASES);
		if (!result.hasErrors()) {
			try {
				this.contacts.updateAffiliation(contactId, affiliationId, request);
				return done(contactId, "affiliation.saved", htmx, model);
			}
			catch (StaleVersionException ex) {
				// reload their version into the list; the user's input stays in the form
				AffiliationView theirs = this.contacts.affiliation(contactId, affiliationId);
				form.setVersion(theirs.version());
				result.reject("affiliation.conflict");
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		model.addAttribute("affiliationForm", new AffiliationForm());
		return section(contactId, affiliationId, htmx, model);
	}

	/** Ends the link today: the usual case when someone leaves, keeping the history. */
	@PostMapping("/{affiliationId}/end")
	String end(@PathVariable long contactId, @PathVariable long affiliationId, @RequestParam long version,
			HtmxRequest htmx, Model model) {
		AffiliationView current = this.contacts.affiliation(contactId, affiliationId);
		try {
			this.contacts.updateAffiliation(contactId, affiliationId, new AffiliationRequest(current.organizationId(),
					current.role(), false, current.startDate(), LocalDate.now(this.clock), version));
			return done(contactId, "affiliation.ended", htmx, model);
		}
		catch (StaleVersionException ex) {
			model.addAttribute("affiliationError", "affiliation.conflict");
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("affiliationError", ex.messageKey());
		}
		model.addAttribute("affiliationForm", new AffiliationForm());
		return section(contactId, null, htmx, model);
	}

	/** Removes a link entered by mistake; ending it keeps the history instead. */
	@PostMapping("/{affiliationId}/delete")
	String remove(@PathVariable long contactId, @PathVariable long affiliationId, @RequestParam long version,
			HtmxRequest htmx, Model model) {
		try {
			this.contacts.removeAffiliation(contactId, affiliationId, version);
			return done(contactId, "affiliation.removed", htmx, model);
		}
		catch (StaleVersionException ex) {
			model.addAttribute("affiliationError", "affiliation.conflict");
		}
		model.addAttribute("affiliationForm", new AffiliationForm());
		return section(contactId, null, htmx, model);
	}

	private String done(long contactId, String message, HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/contacts/" + contactId;
		}
		model.addAttribute("affiliationMessage", message);
		model.addAttribute("affiliationForm", new AffiliationForm());
		return section(contactId, null, htmx, model);
	}

	private String section(long contactId, @Nullable Long editing, HtmxRequest htmx, Model model) {
		model.addAttribute("contact", this.contacts.get(contactId));
		model.addAttribute("editing", editing);
		model.addAttribute("today", LocalDate.now(this.clock));
		return Fragments.pageOrFragment(htmx, PAGE, SECTION);
	}

}
