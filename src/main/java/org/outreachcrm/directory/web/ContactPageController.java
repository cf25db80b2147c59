package org.outreachcrm.directory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ConsentRequest;
import org.outreachcrm.directory.ConsentSource;
import org.outreachcrm.directory.ConsentStatus;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to find, read, create, change and delete contacts (people). */
@PageController
@RequestMapping("/contacts")
class ContactPageController {

	static final Set<String> SORTABLE = Set.of("name", "country", "updatedAt");

	// the name rule is a class-level check; the user fixes it in the display name field
	private static final Map<String, String> ALIASES = Map.of("named", "displayName");

	private final Contacts contacts;

	private final RecordEditing<ContactRequest, ContactDetails> editing;

	private final Clock clock;

	ContactPageController(Contacts contacts, Validator validator, Clock clock) {
		this.contacts = contacts;
		this.editing = new RecordEditing<>("contact", "/contacts", validator, ALIASES,
				new RecordEditing.Service<>(contacts::get, contacts::create, contacts::update, contacts::delete,
						ContactDetails::id, ContactDetails::version));
		this.clock = clock;
	}

	@ModelAttribute("types")
	OrganizationType[] types() {
		return OrganizationType.values();
	}

	@ModelAttribute("stages")
	PartnershipStage[] stages() {
		return PartnershipStage.values();
	}

	@ModelAttribute("consentStatuses")
	ConsentStatus[] consentStatuses() {
		return ConsentStatus.values();
	}

	@ModelAttribute("consentSources")
	ConsentSource[] consentSources() {
		return ConsentSource.values();
	}

	@GetMapping
	String list(@ModelAttribute("filter") DirectoryFilter filter, HtmxRequest htmx, Model model) {
		model.addAttribute("contacts", this.contacts.search(filter.query(), filter.pageable(SORTABLE)));
		return Fragments.pageOrFragment(htmx, "directory/contact-list", "results");
	}

	/** Choices for the person picker on an organization page. */
	@GetMapping("/options")
	String options(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("options",
				this.contacts.search(DirectoryFilter.pickerQuery(q), DirectoryFilter.PICKER_PAGE).getContent());
		return "directory/contact-list :: options";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new ContactForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") ContactForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return this.editing.create(form.toRequest(), result, () -> form(model, null), redirect);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("contact", this.contacts.get(id));
		model.addAttribute("affiliationForm", new AffiliationForm());
		model.addAttribute("today", LocalDate.now(this.clock));
		return "directory/contact-detail";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ContactForm.of(this.contacts.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return this.editing.update(id, form.toRequest(), result, model, form::setVersion, () -> form(model, id),
				redirect);
	}

	/** Changes the consent from the small form of the contact page. */
	@PostMapping("/{id}/consent")
	String consent(@PathVariable long id, @RequestParam ConsentStatus status,
			@RequestParam(required = false) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable ConsentSource source,
			@RequestParam(required = false) @Nullable String sourceDetail,
			@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		ConsentRequest request = new ConsentRequest(status, date, source, trim(sourceDetail, 500), trim(purpose, 500),
				version);
		try {
			this.contacts.updateConsent(id, request);
			redirect.addFlashAttribute("flash", "consent.saved");
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", "contact.conflict");
		}
		return "redirect:/contacts/" + id;
	}

	/** One click: the person withdrew their consent today. */
	@PostMapping("/{id}/consent/withdraw")
	String withdrawConsent(@PathVariable long id, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		ContactDetails contact = this.contacts.withdrawConsent(id);
		if (htmx.isHtmxRequest()) {
			model.addAttribute("contact", contact);
			model.addAttribute("consentMessage", "consent.withdrawn");
			return "directory/contact-detail :: consent";
		}
		redirect.addFlashAttribute("flash", "consent.withdrawn");
		return "redirect:/contacts/" + id;
	}

	private static @Nullable String trim(@Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return this.editing.delete(id, version, redirect);
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("contactId", id);
		return "directory/contact-form";
	}

}
