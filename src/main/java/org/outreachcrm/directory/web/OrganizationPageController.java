package org.outreachcrm.directory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** Pages to find, read, create, change and delete organizations. */
@PageController
@RequestMapping("/organizations")
class OrganizationPageController {

	static final Set<String> SORTABLE = Set.of("name", "country", "type", "stage", "updatedAt");

	private final Organizations organizations;

	private final Contacts contacts;

	private final UserAccounts users;

	private final Validator validator;

	private final RecordEditing<OrganizationRequest, OrganizationDetails> editing;

	private final Clock clock;

	OrganizationPageController(Organizations organizations, Contacts contacts, UserAccounts users, Validator validator,
			Clock clock) {
		this.organizations = organizations;
		this.contacts = contacts;
		this.users = users;
		this.validator = validator;
		this.editing = new RecordEditing<>("organization", "/organizations", validator, Map.of(),
				new RecordEditing.Service<>(organizations::get, organizations::create, organizations::update,
						organizations::delete, OrganizationDetails::id, OrganizationDetails::version));
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

	@GetMapping
	String list(@ModelAttribute("filter") DirectoryFilter filter, HtmxRequest htmx, Model model) {
		model.addAttribute("organizations", this.organizations.search(filter.query(), filter.pageable(SORTABLE)));
		return Fragments.pageOrFragment(htmx, "directory/organization-list", "results");
	}

	/** Choices for the organization picker of the affiliation form. */
	@GetMapping("/options")
	String options(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("options",
				this.organizations.search(DirectoryFilter.pickerQuery(q), DirectoryFilter.PICKER_PAGE).getContent());
		return "directory/organization-list :: options";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new OrganizationForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") OrganizationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return this.editing.create(form.toRequest(), result, () -> form(model, null), redirect);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("organization", this.organizations.get(id));
		return people(id, new AffiliationForm(), model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", OrganizationForm.of(this.organizations.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") OrganizationForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return this.editing.update(id, form.toRequest(), result, model, form::setVersion, () -> form(model, id),
				redirect);
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return this.editing.delete(id, version, redirect);
	}

	/** Adds a person to the organization from its page (the person is searched). */
	@PostMapping("/{id}/affiliations")
	String addPerson(@PathVariable long id, @ModelAttribute("affiliationForm") AffiliationForm form,
			BindingResult result, HtmxRequest htmx, Model model) {
		form.setOrganizationId(id);
		if (form.getContactId() == null) {
			result.rejectValue("contactId", "affiliation.contact.required");
		}
		FormErrors.validate(this.validator, form.toRequest(), result, Map.of("endAfterStart", "endDate"));
		if (!result.hasErrors()) {
			try {
				this.contacts.affiliate(form.getContactId(), form.toRequest());
				if (!htmx.isHtmxRequest()) {
					return "redirect:/organizations/" + id;
				}
				model.addAttribute("peopleMessage", "affiliation.added");
				form = new AffiliationForm();
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		if (!htmx.isHtmxRequest()) {
			model.addAttribute("organization", this.organizations.get(id));
		}
		people(id, form, model);
		return Fragments.pageOrFragment(htmx, "directory/organization-detail", "people");
	}

	private String people(long id, AffiliationForm form, Model model) {
		model.addAttribute("affiliations", this.contacts.affiliationsOfOrganization(id));
		model.addAttribute("organizationId", id);
		model.addAttribute("today", LocalDate.now(this.clock));
		// a new form object also drops the previous binding result, so the fields clear
		model.addAttribute("affiliationForm", form);
		return "directory/organization-detail";
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("organizationId", id);
		model.addAttribute("owners", this.users.list(PageRequest.of(0, 500, Sort.by("displayName"))).getContent());
		return "directory/organization-form";
	}

}
