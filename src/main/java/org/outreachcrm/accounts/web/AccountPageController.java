package org.outreachcrm.accounts.web;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.outreachcrm.accounts.SignedInSessions;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.accounts.UserZones;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.PageController;
import org.outreachcrm.shared.web.ViewFormats;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My account": every user changes their own password and time zone here. */
@PageController
@RequestMapping("/account/password")
class AccountPageController {

	private final UserAccounts users;

	private final ObjectProvider<SignedInSessions> sessions;

	private final UserZones zones;

	AccountPageController(UserAccounts users, ObjectProvider<SignedInSessions> sessions, UserZones zones) {
		this.users = users;
		this.sessions = sessions;
		this.zones = zones;
	}

	@ModelAttribute("zones")
	List<String> zones() {
		return ZoneId.getAvailableZoneIds().stream().sorted().toList();
	}

	@ModelAttribute("zone")
	String zone(Principal principal) {
		return this.zones.of(principal.getName()).orElse(ViewFormats.currentZone()).getId();
	}

	/** The zone every time is shown in, for this user on every device. */
	@PostMapping("/zone")
	String changeZone(@RequestParam String zone, Principal principal, RedirectAttributes redirect) {
		try {
			this.zones.use(principal.getName(), ZoneId.of(zone.strip()));
			redirect.addFlashAttribute("flash", "account.zoneChanged");
		}
		catch (DateTimeException ex) {
			redirect.addFlashAttribute("flashError", "account.zoneUnknown");
		}
		return "redirect:/account/password";
	}

	@GetMapping
	String form(Principal principal, Model model) {
		model.addAttribute("form", new PasswordForm());
		model.addAttribute("mustChange",
				this.users.findByUsername(principal.getName()).map(UserView::passwordChangeRequired).orElse(false));
		return "accounts/account-password";
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult result, Principal principal,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!form.confirmed()) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.users.changeOwnPassword(principal.getName(), form.getCurrentPassword(), form.getNewPassword());
				// this session goes on with the new password; the user's others end
				this.sessions.ifAvailable((s) -> s.renew(request, response));
				redirect.addFlashAttribute("flash", "account.passwordChanged");
				return "redirect:/account/password";
			}
			catch (BusinessRuleException ex) {
				String field = "password.currentWrong".equals(ex.messageKey()) ? "currentPassword" : "newPassword";
				result.rejectValue(field, ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		return "accounts/account-password";
	}

}
