package org.outreachcrm.outreach.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpQuery;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.Fragments;
import org.outreachcrm.shared.web.PageController;
import org.outreachcrm.shared.web.PageLinks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My follow-ups": overdue, today's and upcoming ones, each completed with one click,
 * optionally logging the interaction that did it. Managers see everyone's and filter by
 * staff member and country.
 */
@PageController
@RequestMapping("/follow-ups")
class FollowUpPageController {

	static final int PAGE_SIZE = 50;

	private static final String TEMPLATE = "outreach/follow-ups";

	private final FollowUps followUps;

	private final Interactions interactions;

	private final Organizations organizations;

	private final UserAccounts users;

	private final CurrentUser currentUser;

	private final Clock clock;

	FollowUpPageController(FollowUps followUps, Interactions interactions, Organizations organizations,
			UserAccounts users, CurrentUser currentUser, Clock clock) {
		this.followUps = followUps;
		this.interactions = interactions;
		this.organizations = organizations;
		this.users = users;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable String country, @RequestParam(defaultValue = "0") int page,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx,
			Model model) {
		return show(new Filter(assigneeId, country, page), ViewerZone.of(tz), htmx, model);
	}

	/**
	 * Completes a follow-up; with a subject it also logs the interaction that did it, in
	 * the same transaction, for the people of the interaction that set the follow-up.
	 */
	@PostMapping("/{id}/complete")
	String complete(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable InteractionType type,
			@RequestParam(required = false) @Nullable Direction direction,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable String country, @RequestParam(defaultValue = "0") int page,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		ZoneId zone = ViewerZone.of(tz);
		String message;
		boolean failed = false;
		try {
			InteractionRequest interaction = null;
			if (subject != null && !subject.isBlank()) {
				FollowUpView followUp = this.followUps.get(id, zone);
				List<Long> people = this.interactions.get(followUp.interactionId(), null).contactIds();
				interaction = InteractionRequest.of(followUp.organizationId(), people,
						(type == null) ? InteractionType.CALL : type, this.clock.instant(), zone.getId(),
						(direction == null) ? Direction.OUTBOUND : direction, subject.strip());
			}
			FollowUpView done = this.followUps.complete(id, new FollowUpCompletion(version, interaction), zone);
			message = (interaction == null) ? "followUps.completed" : "followUps.completedAndLogged";
			// "Undo" right there: it reopens the follow-up this answer completed
			model.addAttribute("undo", done);
		}
		catch (StaleVersionException ex) {
			message = "followUps.conflict";
			failed = true;
		}
		catch (BusinessRuleException ex) {
			message = ex.messageKey();
			failed = true;
		}
		if (!htmx.isHtmxRequest()) {
			redirect.addFlashAttribute(failed ? "flashError" : "flash", message);
			return "redirect:/follow-ups";
		}
		model.addAttribute(failed ? "listError" : "listMessage", message);
		show(new Filter(assigneeId, country, page), zone, htmx, model);
		return TEMPLATE + " :: list";
	}

	/** A follow-up with what it is about, who has it, and what can be done with it. */
	@GetMapping("/{id}")
	String detail(@PathVariable long id, @CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz,
			Model model) {
		ZoneId zone = ViewerZone.of(tz);
		FollowUpView followUp = this.followUps.get(id, zone);
		model.addAttribute("followUp", followUp);
		model.addAttribute("interaction", this.interactions.get(followUp.interactionId(), zone));
		model.addAttribute("assigneeName", userName(followUp.assigneeId()));
		model.addAttribute("completedByName", followUp.completedBy() == null ? null : userName(followUp.completedBy()));
		model.addAttribute("today", LocalDate.now(this.clock.withZone(zone)));
		model.addAttribute("staff", this.currentUser.isManager()
				? this.users.list(PageRequest.of(0, 500, Sort.by("displayName"))).getContent() : List.of());
		return "outreach/follow-up-detail";
	}

	/**
	 * Completed follow-ups, most recently completed first, each with who did it and when.
	 */
	@GetMapping("/done")
	String done(@RequestParam(required = false) @Nullable Long assigneeId, @RequestParam(defaultValue = "0") int page,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx,
			Model model) {
		boolean manager = this.currentUser.isManager();
		Page<FollowUpView> done;
		try {
			done = this.followUps.done(manager ? assigneeId : null, ViewerZone.of(tz),
					PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		}
		catch (BusinessRuleException ex) {
			done = Page.empty();
			model.addAttribute("listError", "followUps.noAccount");
		}
		Map<Long, String> names = new HashMap<>();
		this.organizations.facts(done.stream().map(FollowUpView::organizationId).collect(Collectors.toSet()))
			.forEach((f) -> names.put(f.id(), f.name()));
		Map<Long, @Nullable String> people = new HashMap<>();
		done.forEach((f) -> {
			people.computeIfAbsent(f.assigneeId(), this::userName);
			if (f.completedBy() != null) {
				people.computeIfAbsent(f.completedBy(), this::userName);
			}
		});
		model.addAttribute("followUps", done);
		model.addAttribute("organizationNames", names);
		model.addAttribute("userNames", people);
		model.addAttribute("manager", manager);
		// the shared pager keeps the staff member a manager chose
		Map<String, @Nullable Object> kept = new HashMap<>();
		kept.put("assigneeId", manager ? assigneeId : null);
		model.addAttribute("filter", new PageLinks(kept));
		return Fragments.pageOrFragment(htmx, "outreach/follow-ups-done", "results");
	}

	/**
	 * Opens a completed follow-up again: the "Undo" after "Done" (htmx, in place), or
	 * from the list of done ones and the follow-up's page.
	 */
	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable String country, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String back,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		ZoneId zone = ViewerZone.of(tz);
		String message = "followUps.reopened";
		boolean failed = false;
		try {
			this.followUps.reopen(id, version, zone);
		}
		catch (StaleVersionException ex) {
			message = "followUps.conflict";
			failed = true;
		}
		catch (BusinessRuleException ex) {
			message = ex.messageKey();
			failed = true;
		}
		if (htmx.isHtmxRequest()) {
			model.addAttribute(failed ? "listError" : "listMessage", message);
			show(new Filter(assigneeId, country, page), zone, htmx, model);
			return TEMPLATE + " :: list";
		}
		redirect.addFlashAttribute(failed ? "flashError" : "flash", message);
		return "redirect:" + back(back, id);
	}

	/** Moves an open follow-up to tomorrow, next week or a chosen day. */
	@PostMapping("/{id}/snooze")
	String snooze(@PathVariable long id, @RequestParam long version, @RequestParam String until,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, RedirectAttributes redirect) {
		ZoneId zone = ViewerZone.of(tz);
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate day = switch (until) {
			case "tomorrow" -> today.plusDays(1);
			case "nextWeek" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			default -> dueOn;
		};
		if (day == null) {
			redirect.addFlashAttribute("flashError", "followUps.snooze.dateRequired");
			return "redirect:/follow-ups/" + id;
		}
		return handle(id, redirect, () -> this.followUps.snooze(id, version, day, zone), "followUps.snoozed");
	}

	/**
	 * Hands an open follow-up to another user who works with its organization's country.
	 */
	@PostMapping("/{id}/reassign")
	String reassign(@PathVariable long id, @RequestParam long version, @RequestParam long to,
			@CookieValue(name = ViewerZone.COOKIE, required = false) @Nullable String tz, RedirectAttributes redirect) {
		return handle(id, redirect, () -> this.followUps.reassign(id, version, to, ViewerZone.of(tz)),
				"followUps.reassigned");
	}

	private String handle(long id, RedirectAttributes redirect, Runnable change, String message) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", message);
		}
		catch (StaleVersionException ex) {
			redirect.addFlashAttribute("flashError", "followUps.conflict");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
			redirect.addFlashAttribute("flashErrorArgs", ex.arguments());
		}
		return "redirect:/follow-ups/" + id;
	}

	private static String back(@Nullable String back, long id) {
		return switch ((back == null) ? "" : back) {
			case "done" -> "/follow-ups/done";
			case "list" -> "/follow-ups";
			default -> "/follow-ups/" + id;
		};
	}

	private @Nullable String userName(long id) {
		try {
			return this.users.get(id).displayName();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private String show(Filter filter, ZoneId zone, HtmxRequest htmx, Model model) {
		boolean manager = this.currentUser.isManager();
		Page<FollowUpView> page;
		try {
			// staff see their own whatever the address says; the service would refuse
			// others'
			Long assignee = manager ? filter.assigneeId() : Long.valueOf(this.currentUser.id());
			page = this.followUps.list(new FollowUpQuery(assignee, manager ? filter.countryCode() : null, zone, false),
					PageRequest.of(Math.max(filter.page(), 0), PAGE_SIZE));
		}
		catch (BusinessRuleException ex) {
			// a login without a user account has nothing assigned; say so instead of
			// failing
			page = Page.empty();
			model.addAttribute("listError", "followUps.noAccount");
		}
		Set<Long> organizationIds = page.stream().map(FollowUpView::organizationId).collect(Collectors.toSet());
		Map<Long, String> names = new HashMap<>();
		this.organizations.facts(organizationIds).forEach((f) -> names.put(f.id(), f.name()));
		List<UserView> staff = manager ? this.users.list(PageRequest.of(0, 500, Sort.by("displayName"))).getContent()
				: List.of();
		model.addAttribute("followUps", page);
		model.addAttribute("organizationNames", names);
		model.addAttribute("staff", staff);
		model.addAttribute("staffNames", staff.stream().collect(Collectors.toMap(UserView::id, UserView::displayName)));
		model.addAttribute("manager", manager);
		model.addAttribute("filter", filter);
		model.addAttribute("interactionTypes", InteractionType.values());
		model.addAttribute("directions", Direction.values());
		return Fragments.pageOrFragment(htmx, TEMPLATE, "list");
	}

	/** What a manager filters by; the page is kept when completing from a later page. */
	record Filter(@Nullable Long assigneeId, @Nullable String country, int page) {

		public @Nullable String countryCode() {
			return (this.country == null || this.country.isBlank()) ? null
					: this.country.strip().toUpperCase(Locale.ROOT);
		}

	}

}
