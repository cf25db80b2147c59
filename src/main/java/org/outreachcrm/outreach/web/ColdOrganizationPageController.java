package org.outreachcrm.outreach.web;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.ColdOrganizations;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organizations going cold: no interaction for N days (configurable), longest silence
 * first.
 */
@PageController
class ColdOrganizationPageController {

	static final int PAGE_SIZE = 50;

	private final ColdOrganizations cold;

	ColdOrganizationPageController(ColdOrganizations cold) {
		this.cold = cold;
	}

	@GetMapping("/outreach/going-cold")
	String list(@RequestParam(required = false) @Nullable Integer days, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("days", days);
		if (days != null && days < 1) {
			model.addAttribute("daysError", "cold.days.invalid");
			model.addAttribute("organizations", Page.empty());
			return "outreach/going-cold";
		}
		model.addAttribute("threshold", this.cold.days(days));
		model.addAttribute("organizations", this.cold.list(days, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "outreach/going-cold";
	}

}
