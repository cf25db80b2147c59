package org.outreachcrm.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.outreach.CampaignView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of one interaction: everything that was logged, with the people, the staff
 * member and the campaign by name, and its follow-ups; its correction (a colleague's
 * newer version shown beside the unsaved input, as the directory does) and its deletion.
 */
@PageController
@RequestMapping("/interactions/{id}")
class InteractionPageController {

	private final Interactions interactions;

	private final FollowUps followUps;

	private final Contacts contacts;

	private final InteractionPeople people;

	private final UserAccounts users;

	private final Campaigns campaigns;

	private final Validator validator;

	private final Clock clock;

	InteractionPageController(Interactions interactions, FollowUps followUps, Contacts contacts, UserAccounts users,
			Campaigns campaigns, Validator validator, Clock clock, InteractionPeople people) {
		this.people = people;
		this.clock = clock;
		this.interactions = interactions;
		this.followUps = followUps;
		this.contacts = contacts;
		this.users = users;
		this.campaigns = campaigns;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable long id, @CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz,
			Model model) {
		ZoneId zone = ViewerZone.of(tz);
		InteractionView interaction = this.interactions.get(id, zone);
		model.addAttribute("interaction", interaction);
		model.addAttribute("people", people(interaction.contactIds()));
		model.addAttribute("staffName", userName(interaction.staffId()));
		model.addAttribute("campaign", campaign(interaction.campaignId()));
		var followUps = this.followUps.ofInteraction(id, zone);
		model.addAttribute("followUps", followUps);
		Map<Long, @Nullable String> assignees = new HashMap<>();
		followUps.forEach((f) -> assignees.put(f.assigneeId(), userName(f.assigneeId())));
		model.addAttribute("assigneeNames", assignees);
		return "outreach/interaction-detail";
	}

	@GetMapping("/edit")
	String edit(@PathVariable long id, Model model) {
		InteractionView interaction = this.interactions.get(id, null);
		model.addAttribute("form", InteractionForm.of(interaction));
		return form(interaction, model);
	}

	@PostMapping
	String update(@PathVariable long id, @ModelAttribute("form") InteractionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		InteractionView current = this.interactions.get(id, null);
		// what the interaction is about stays; the page corrects what was logged
		form.setOrganizationId(current.organizationId());
		form.setFollowUpDueOn(null);
		form.setFollowUpNote(null);
		InteractionRequest request = form.toRequest();
		FormErrors.validate(this.validator, request, result, Map.of("occurredAt", "date"));
		if (form.getVersion() == null) {
			result.reject("interaction.conflict");
		}
		if (!result.hasErrors()) {
			try {
				this.interactions.update(id, request);
				redirect.addFlashAttribute("flash", "interaction.saved");
				return "redirect:/interactions/" + id;
			}
			catch (StaleVersionException ex) {
				InteractionView theirs = this.interactions.get(id, null);
				model.addAttribute("theirs", theirs);
				model.addAttribute("theirPeople", people(theirs.contactIds()));
				form.setVersion(theirs.version());
				result.reject("interaction.conflict");
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		return form(current, model);
	}

	@PostMapping("/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		InteractionView interaction = this.interactions.get(id, null);
		try {
			this.interactions.delete(id, version);
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", "interaction.deleteConflict");
			return "redirect:/interactions/" + id;
		}
		redirect.addFlashAttribute("flash", "interaction.deleted");
		return "redirect:/organizations/" + interaction.organizationId();
	}

	private String form(InteractionView interaction, Model model) {
		model.addAttribute("interaction", interaction);
		model.addAttribute("interactionTypes", InteractionType.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("campaigns", this.campaigns.list(PageRequest.of(0, 200)).getContent());
		// the people working there now, and whoever the interaction already names
		Map<Long, String> choices = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(this.clock);
		this.contacts.affiliationsOfOrganization(interaction.organizationId())
			.stream()
			.filter((a) -> a.current(today))
			.forEach((a) -> choices.put(a.contactId(), a.contactName()));
		people(interaction.contactIds()).forEach((p) -> choices.putIfAbsent(p.id(), p.name()));
		model.addAttribute("peopleChoices", choices);
		return "outreach/interaction-form";
	}

	private List<InteractionPeople.Person> people(List<Long> ids) {
		return this.people.of(ids);
	}

	private @Nullable String userName(long id) {
		try {
			UserView user = this.users.get(id);
			return user.displayName();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private @Nullable CampaignView campaign(@Nullable Long id) {
		if (id == null) {
			return null;
		}
		try {
			return this.campaigns.get(id);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

}
