package org.outreachcrm.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.AffiliationView;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.TimelineKind;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.outreach.Timeline;
import org.outreachcrm.outreach.TimelineEntry;
import org.outreachcrm.outreach.TimelineSubject;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timeline of an organization or a person with the form that logs an interaction. The
 * directory's detail pages load it with htmx, so the directory never depends on outreach;
 * without JavaScript it is a page of its own.
 */
@PageController
class TimelinePageController {

	static final int PAGE_SIZE = 20;

	private static final String TEMPLATE = "outreach/timeline";

	private final Timeline timeline;

	private final Interactions interactions;

	private final Campaigns campaigns;

	private final Organizations organizations;

	private final Contacts contacts;

	private final UserAccounts users;

	private final CurrentUser currentUser;

	private final Validator validator;

	private final Clock clock;

	private final InteractionPeople people;

	TimelinePageController(Timeline timeline, Interactions interactions, Campaigns campaigns,
			Organizations organizations, Contacts contacts, UserAccounts users, CurrentUser currentUser,
			Validator validator, Clock clock, InteractionPeople people) {
		this.people = people;
		this.timeline = timeline;
		this.interactions = interactions;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.contacts = contacts;
		this.users = users;
		this.currentUser = currentUser;
		this.validator = validator;
		this.clock = clock;
	}

	@ModelAttribute("interactionTypes")
	InteractionType[] interactionTypes() {
		return InteractionType.values();
	}

	@ModelAttribute("directions")
	Direction[] directions() {
		return Direction.values();
	}

	@GetMapping("/organizations/{id}/timeline")
	String organization(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx,
			Model model) {
		ZoneId zone = ViewerZone.of(tz);
		Subject subject = organizationSubject(id);
		model.addAttribute("interactionForm", InteractionForm.now(this.clock.instant(), zone, id, List.of(), me()));
		return show(subject, page, zone, htmx, model);
	}

	@GetMapping("/contacts/{id}/timeline")
	String contact(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx,
			Model model) {
		ZoneId zone = ViewerZone.of(tz);
		Subject subject = contactSubject(id);
		Long organization = subject.organizations().isEmpty() ? null : subject.organizations().get(0).organizationId();
		model.addAttribute("interactionForm",
				InteractionForm.now(this.clock.instant(), zone, organization, List.of(id), me()));
		return show(subject, page, zone, htmx, model);
	}

	@PostMapping("/organizations/{id}/interactions")
	String logForOrganization(@PathVariable long id, @ModelAttribute("interactionForm") InteractionForm form,
			BindingResult result, @CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz,
			HtmxRequest htmx, Model model) {
		// the organization comes from the page, never from the posted form
		form.setOrganizationId(id);
		return log(organizationSubject(id), form, result, ViewerZone.of(tz), htmx, model);
	}

	@PostMapping("/contacts/{id}/interactions")
	String logForContact(@PathVariable long id, @ModelAttribute("interactionForm") InteractionForm form,
			BindingResult result, @CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz,
			HtmxRequest htmx, Model model) {
		Subject subject = contactSubject(id);
		if (!form.getContactIds().contains(id)) {
			form.getContactIds().add(id);
		}
		if (form.getOrganizationId() != null
				&& subject.organizations().stream().noneMatch((a) -> a.organizationId() == form.getOrganizationId())) {
			result.rejectValue("organizationId", "interaction.organization.notAffiliated");
		}
		return log(subject, form, result, ViewerZone.of(tz), htmx, model);
	}

	private String log(Subject subject, InteractionForm form, BindingResult result, ZoneId zone, HtmxRequest htmx,
			Model model) {
		InteractionRequest request = form.toRequest();
		if (form.followUpWithoutDate()) {
			result.rejectValue("followUpDueOn", "interaction.followUp.dueOnRequired");
		}
		FormErrors.validate(this.validator, request, result, Map.of("occurredAt", "date", "followUp", "followUpNote"));
		if (!result.hasErrors()) {
			try {
				this.interactions.log(request);
				if (!htmx.isHtmxRequest()) {
					return "redirect:" + subject.path();
				}
				model.addAttribute("timelineMessage", "interaction.logged");
				// a fresh form also drops the binding result, so the fields clear
				model.addAttribute("interactionForm", InteractionForm.now(this.clock.instant(), zone,
						form.getOrganizationId(), subject.contact() ? List.of(subject.id()) : List.of(), me()));
			}
			catch (BusinessRuleException ex) {
				result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		// errors keep the form open; after saving it folds away again
		model.addAttribute("logOpen", result.hasErrors());
		return show(subject, 0, zone, htmx, model);
	}

	private String show(Subject subject, int page, ZoneId zone, HtmxRequest htmx, Model model) {
		Page<TimelineEntry> entries = this.timeline.of(subject.kind(), subject.id(),
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("subject", subject);
		List<Long> interactionIds = entries.stream()
			.filter((e) -> e.kind() == TimelineKind.INTERACTION)
			.map(TimelineEntry::id)
			.toList();
		Map<Long, InteractionView> interactions = this.interactions.views(interactionIds, zone);
		Map<Long, String> names = this.people
			.names(interactions.values().stream().flatMap((i) -> i.contactIds().stream()).collect(Collectors.toSet()));
		model.addAttribute("entries", entries.map((e) -> {
			InteractionView interaction = (e.kind() == TimelineKind.INTERACTION) ? interactions.get(e.id()) : null;
			return new Row(e, LocalDateTime.ofInstant(e.at(), zone), interaction,
					(interaction == null) ? List.of() : this.people.of(interaction.contactIds(), names));
		}));
		model.addAttribute("zone", zone.getId());
		model.addAttribute("campaigns", this.campaigns.list(PageRequest.of(0, 200)).getContent());
		model.addAttribute("staff", this.users.list(PageRequest.of(0, 500, Sort.by("displayName"))).getContent());
		// the log form offers the people working for the organization now, by name
		Map<Long, String> peopleChoices = new LinkedHashMap<>();
		if (!subject.contact()) {
			LocalDate today = LocalDate.now(this.clock);
			this.contacts.affiliationsOfOrganization(subject.id())
				.stream()
				.filter((a) -> a.current(today))
				.forEach((a) -> peopleChoices.putIfAbsent(a.contactId(), a.contactName()));
		}
		model.addAttribute("peopleChoices", peopleChoices);
		// "more" appends the next page under the entries already shown
		return (page > 0 && htmx.isHtmxRequest()) ? TEMPLATE + " :: more"
				: Fragments.pageOrFragment(htmx, TEMPLATE, "timeline");
	}

	private Subject organizationSubject(long id) {
		return new Subject(TimelineSubject.ORGANIZATION, id, this.organizations.get(id).name(), List.of());
	}

	private Subject contactSubject(long id) {
		LocalDate today = LocalDate.now(this.clock);
		// current links first, the primary one first of all: it is the default
		// organization
		List<AffiliationView> current = this.contacts.affiliationsOfContact(id)
			.stream()
			.filter((a) -> a.current(today))
			.sorted(Comparator.comparing((AffiliationView a) -> !a.primary()))
			.toList();
		return new Subject(TimelineSubject.CONTACT, id, this.contacts.get(id).displayName(), current);
	}

	private @Nullable Long me() {
		try {
			return this.currentUser.id();
		}
		catch (BusinessRuleException ex) {
			// a login without a user account (the initial admin before set-up) picks by
			// hand
			return null;
		}
	}

	/**
	 * Whose timeline: an organization or a person with the organizations they currently
	 * work for.
	 */
	record Subject(TimelineSubject kind, long id, String name, List<AffiliationView> organizations) {

		public boolean contact() {
			return this.kind == TimelineSubject.CONTACT;
		}

		public String path() {
			return (contact() ? "/contacts/" : "/organizations/") + this.id;
		}

	}

	/**
	 * A timeline entry with its time in the viewer's zone; an interaction's entry also
	 * with what was logged and the people by name.
	 */
	record Row(TimelineEntry entry, LocalDateTime local, @Nullable InteractionView interaction,
			List<InteractionPeople.Person> people) {

		/** The first lines of the summary, short enough for a list. */
		public @Nullable String summaryStart() {
			String summary = (this.interaction == null) ? null : this.interaction.summary();
			if (summary == null) {
				return null;
			}
			String[] lines = summary.strip().split("\\R", 3);
			String start = (lines.length > 1) ? lines[0] + "\n" + lines[1] : lines[0];
			boolean more = lines.length > 2;
			if (start.length() > 240) {
				start = start.substring(0, 240).strip();
				more = true;
			}
			return more ? start + " …" : start;
		}

	}

}
