package org.outreachcrm.outreach.web;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.CampaignRequest;
import org.outreachcrm.outreach.CampaignStatus;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns: the list, the form, and the page with targets and progress. */
@PageController
@RequestMapping("/campaigns")
class CampaignPageController {

	static final int PAGE_SIZE = 25;

	private final Campaigns campaigns;

	private final Organizations organizations;

	private final UserAccounts users;

	private final Validator validator;

	CampaignPageController(Campaigns campaigns, Organizations organizations, UserAccounts users, Validator validator) {
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.users = users;
		this.validator = validator;
	}

	@ModelAttribute("campaignStatuses")
	CampaignStatus[] statuses() {
		return CampaignStatus.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("campaigns", this.campaigns.list(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "outreach/campaign-list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new CampaignForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CampaignRequest request = form.toRequest(Set.of());
		FormErrors.validate(this.validator, request, result, Map.of());
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			CampaignView created = this.campaigns.create(request);
			redirect.addFlashAttribute("flash", "campaign.created");
			return "redirect:/campaigns/" + created.id();
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, null);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CampaignView campaign = this.campaigns.get(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("progress", this.campaigns.progress(id));
		model.addAttribute("targets",
				this.organizations.facts(campaign.targetOrganizationIds())
					.stream()
					.sorted(Comparator.comparing(OrganizationFacts::name))
					.toList());
		return "outreach/campaign-detail";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", CampaignForm.of(this.campaigns.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CampaignRequest request = form.toRequest(null);
		FormErrors.validate(this.validator, request, result, Map.of());
		if (result.hasErrors()) {
			return form(model, id);
		}
		try {
			this.campaigns.update(id, request);
			redirect.addFlashAttribute("flash", "campaign.saved");
			return "redirect:/campaigns/" + id;
		}
		catch (StaleVersionException ex) {
			// their version goes into the form: saving again deliberately replaces it
			form.setVersion(this.campaigns.get(id).version());
			result.reject("campaign.conflict");
			return form(model, id);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			return form(model, id);
		}
	}

	@PostMapping("/{id}/targets")
	String addTarget(@PathVariable long id, @RequestParam(required = false) @Nullable Long organizationId,
			@RequestParam long version, RedirectAttributes redirect) {
		if (organizationId == null) {
			redirect.addFlashAttribute("flashError", "campaign.target.choose");
			return "redirect:/campaigns/" + id;
		}
		return changeTargets(id, version, (targets) -> targets.add(organizationId), "campaign.target.added", redirect);
	}

	@PostMapping("/{id}/targets/{organizationId}/remove")
	String removeTarget(@PathVariable long id, @PathVariable long organizationId, @RequestParam long version,
			RedirectAttributes redirect) {
		return changeTargets(id, version, (targets) -> targets.remove(organizationId), "campaign.target.removed",
				redirect);
	}

	private String changeTargets(long id, long version, Consumer<Set<Long>> change, String message,
			RedirectAttributes redirect) {
		CampaignView campaign = this.campaigns.get(id);
		Set<Long> targets = new HashSet<>(campaign.targetOrganizationIds());
		change.accept(targets);
		try {
			this.campaigns.update(id, new CampaignRequest(campaign.name(), campaign.description(), campaign.startsOn(),
					campaign.endsOn(), campaign.ownerId(), campaign.status(), targets, version));
			redirect.addFlashAttribute("flash", message);
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", "campaign.target.conflict");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return "redirect:/campaigns/" + id;
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("campaignId", id);
		model.addAttribute("owners", this.users.list(PageRequest.of(0, 500, Sort.by("displayName"))).getContent());
		return "outreach/campaign-form";
	}

}
