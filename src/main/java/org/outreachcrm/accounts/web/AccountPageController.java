package org.outreachcrm.accounts.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.outreachcrm.accounts.SignedInSessions;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.web.PageController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My account": every user changes their own password here. */
@PageController
@RequestMapping("/account/password")
class AccountPageController {

	private final UserAccounts users;

	private final ObjectProvider<SignedInSessions> sessions;

	AccountPageController(UserAccounts users, ObjectProvider<SignedInSessions> sessions) {
		this.users = users;
		this.sessions = sessions;
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
