package org.outreachcrm.home.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.AccountAlerts;
import org.outreachcrm.directory.DirectoryQuery;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.imports.Imports;
import org.outreachcrm.outreach.ColdOrganization;
import org.outreachcrm.outreach.ColdOrganizations;
import org.outreachcrm.outreach.CurrentUser;
import org.outreachcrm.outreach.FollowUpCompletion;
import org.outreachcrm.outreach.FollowUpTiming;
import org.outreachcrm.outreach.FollowUpView;
import org.outreachcrm.outreach.FollowUps;
import org.outreachcrm.outreach.InteractionQuery;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.reports.OutreachOverview;
import org.outreachcrm.reports.ReportPeriod;
import org.outreachcrm.reports.ReportRuns;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.PageController;
import org.outreachcrm.shared.web.ViewFormats;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a login lands on, one section per role the user has: staff see today's work,
 * managers the outreach of their countries, administrators what needs attention.
 */
@PageController
class HomePageController {

	/** How far back the administrators' lists look. */
	static final int OVERVIEW_DAYS = 30;

	private static final int RECENT = 8;

	private static final String TEMPLATE = "home/home";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FollowUps followUps;

	private final Interactions interactions;

	private final ColdOrganizations cold;

	private final Organizations organizations;

	private final CurrentUser currentUser;

	private final OutreachOverview overview;

	private final CurrentScope scope;

	private final Imports imports;

	private final ReportRuns runs;

	private final AccountAlerts accounts;

	private final Clock clock;

	private final ViewFormats formats;

	HomePageController(FollowUps followUps, Interactions interactions, ColdOrganizations cold,
			Organizations organizations, CurrentUser currentUser, OutreachOverview overview, CurrentScope scope,
			Imports imports, ReportRuns runs, AccountAlerts accounts, Clock clock, ViewFormats formats) {
		this.formats = formats;
		this.followUps = followUps;
		this.interactions = interactions;
		this.cold = cold;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.overview = overview;
		this.scope = scope;
		this.imports = imports;
		this.runs = runs;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Authentication user, Locale locale, Model model) {
		ZoneId zone = ViewFormats.currentZone();
		Set<String> roles = user.getAuthorities().stream().map((a) -> a.getAuthority()).collect(Collectors.toSet());
		boolean admin = roles.contains("ROLE_ADMIN");
		boolean manager = roles.contains("ROLE_MANAGER");
		boolean staff = roles.contains("ROLE_STAFF") || !(admin || manager);
		model.addAttribute("staff", staff);
		model.addAttribute("manager", manager);
		model.addAttribute("admin", admin);
		if (staff) {
			myWork(zone, model);
		}
		if (manager) {
			// figures and breakdowns now; the map and the organizations per country
			// (an index entry per organization) come with countries() after the page
			model.addAttribute("overview", this.overview.of(ReportPeriod.LAST_30_DAYS, this.scope.get()));
		}
		if (admin) {
			model.addAttribute("imports", this.imports.history(PageRequest.of(0, 5), locale).getContent());
			model.addAttribute("failedDeliveries", this.runs.failedDeliveries(RECENT));
			model.addAttribute("lockedOut", this.accounts.lockedOut());
			model.addAttribute("disabled", this.accounts.recentlyDisabled(Duration.ofDays(OVERVIEW_DAYS)));
		}
		return TEMPLATE;
	}

	/**
	 * Completes one of my follow-ups from the home page; htmx swaps the list in place, a
	 * plain form comes back to the page.
	 */
	@PostMapping("/home/follow-ups/{id}/complete")
	String complete(@PathVariable long id, @RequestParam long version, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		ZoneId zone = ViewFormats.currentZone();
		return inPlace(() -> this.followUps.complete(id, new FollowUpCompletion(version, null), zone),
				"followUps.completed", zone, htmx, model, redirect);
	}

	/**
	 * The managers' map and organizations per country, which htmx asks for once the home
	 * page is shown: counting every organization of the viewer's countries takes longer
	 * than the rest of the page together.
	 */
	@GetMapping("/home/countries")
	String countries(Model model) {
		OutreachOverview.Overview overview = this.overview.of(ReportPeriod.LAST_30_DAYS, this.scope.get());
		List<OutreachOverview.Count> organizations = this.overview.organizationsByCountry(ReportPeriod.LAST_30_DAYS,
				this.scope.get());
		model.addAttribute("overview", overview);
		model.addAttribute("organizationsByCountry", organizations);
		map(overview, organizations, model);
		return TEMPLATE + " :: countries";
	}

	/**
	 * The world map's data as JSON attributes for home.js: the map's names to country
	 * codes, counts by code, and the countries' names in the page's language.
	 */
	private void map(OutreachOverview.Overview overview, List<OutreachOverview.Count> organizations, Model model) {
		Map<String, Long> organizationsByCountry = counts(organizations);
		Map<String, Long> activityByCountry = counts(overview.byCountry());
		model.addAttribute("activityByCountry", activityByCountry);
		model.addAttribute("mapNames", JSON.writeValueAsString(WorldMapNames.CODES));
		model.addAttribute("mapOrganizations", JSON.writeValueAsString(organizationsByCountry));
		model.addAttribute("mapActivity", JSON.writeValueAsString(activityByCountry));
		Map<String, String> names = new TreeMap<>();
		Stream.concat(organizationsByCountry.keySet().stream(), activityByCountry.keySet().stream())
			.forEach((code) -> names.put(code, this.formats.country(code)));
		model.addAttribute("mapCountries", JSON.writeValueAsString(names));
	}

	private static Map<String, Long> counts(List<OutreachOverview.Count> counts) {
		Map<String, Long> map = new LinkedHashMap<>();
		counts.forEach((c) -> map.put(c.key(), c.value()));
		return map;
	}

	/** Organizations to log an interaction with, for the home page's quick search. */
	@GetMapping("/home/log-targets")
	String logTargets(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("logTargets", (q == null || q.isBlank()) ? List.of()
				: this.organizations.search(DirectoryQuery.text(q), PageRequest.of(0, RECENT)).getContent());
		return TEMPLATE + " :: logTargets";
	}

	/** Puts one of my follow-ups off by a day or a week, in place like completing it. */
	@PostMapping("/home/follow-ups/{id}/snooze")
	String snooze(@PathVariable long id, @RequestParam long version, @RequestParam int days, HtmxRequest htmx,
			Model model, RedirectAttributes redirect) {
		ZoneId zone = ViewFormats.currentZone();
		return inPlace(() -> this.followUps.snooze(id, version, days, zone), "home.followUps.snoozed", zone, htmx,
				model, redirect);
	}

	/**
	 * Does one thing to a follow-up of mine and answers as the home page does: htmx gets
	 * the list back in place with the outcome above it, a plain form a redirect with the
	 * outcome as a flash message.
	 */
	private String inPlace(Runnable action, String done, ZoneId zone, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		String message = done;
		boolean failed = false;
		try {
			action.run();
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
			return "redirect:/";
		}
		model.addAttribute(failed ? "workError" : "workMessage", message);
		myWork(zone, model);
		return TEMPLATE + " :: followUps";
	}

	private void myWork(ZoneId zone, Model model) {
		List<FollowUpView> due;
		List<InteractionView> recent;
		List<ColdOrganization> goingCold;
		try {
			long me = this.currentUser.id();
			due = this.followUps.mine(zone, PageRequest.of(0, 50))
				.stream()
				.filter((f) -> f.timing() == FollowUpTiming.OVERDUE || f.timing() == FollowUpTiming.TODAY)
				.toList();
			// the staff member's own, newest first, one query (not the newest of
			// everyone's, filtered here: those may all be colleagues'), not counted
			recent = this.interactions.latest(new InteractionQuery(null, null, null, null,
					this.clock.instant().minus(Duration.ofDays(90)), null, me), RECENT, zone);
			goingCold = this.cold.coldestOfMine(me, 5);
		}
		catch (BusinessRuleException ex) {
			// a login without a user account (the initial admin) has no work of its own
			due = List.of();
			recent = List.of();
			goingCold = List.of();
		}
		Map<Long, String> names = new HashMap<>();
		this.organizations.facts(due.stream().map(FollowUpView::organizationId).collect(Collectors.toSet()))
			.forEach((f) -> names.put(f.id(), f.name()));
		model.addAttribute("dueFollowUps", due);
		model.addAttribute("organizationNames", names);
		model.addAttribute("recentInteractions", recent);
		model.addAttribute("goingCold", goingCold);
	}

}
