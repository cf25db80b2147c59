package org.outreachcrm.accounts.web;

import org.jspecify.annotations.Nullable;

import org.outreachcrm.shared.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; Spring Security processes the POST and the logout. */
@PageController
class LoginController {

	// the throttle never asks for more than a day; anything else in the address is noise
	private static final int MAX_MINUTES = 24 * 60;

	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) @Nullable String throttled, Model model) {
		if (throttled != null) {
			model.addAttribute("throttledMinutes", minutes(throttled));
		}
		return "accounts/login";
	}

	/**
	 * The minutes the throttle asked the person to wait, as a number so that the message
	 * can say "1 minute", "22 minuty", "20 de minute"; null for a value that is not one.
	 */
	private static @Nullable Integer minutes(String throttled) {
		if (throttled.isEmpty() || throttled.length() > 4 || !throttled.chars().allMatch(Character::isDigit)) {
			return null;
		}
		int minutes = Integer.parseInt(throttled);
		return (minutes >= 1 && minutes <= MAX_MINUTES) ? minutes : null;
	}

}
