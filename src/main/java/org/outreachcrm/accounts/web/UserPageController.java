package org.outreachcrm.accounts.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.web.FormErrors;
import org.outreachcrm.shared.web.PageController;

import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * Admin pages for user accounts: list, create, change roles, countries and status, and
 * set a password. The security rules restrict {@code /admin/**} to admins.
 */
@PageController
@RequestMapping("/admin/users")
class UserPageController {

	private static final int PAGE_SIZE = 50;

	private final UserAccounts users;

	private final Validator validator;

	private final CurrentScope scope;

	UserPageController(UserAccounts users, Validator validator, CurrentScope scope) {
		this.users = users;
		this.validator = validator;
		this.scope = scope;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	/**
	 * The countries this admin may give: all for an unscoped admin, their own otherwise
	 * (the service refuses others anyway; offering them only led to a refusal).
	 */
	@ModelAttribute("countryChoices")
	List<Countries.Country> countryChoices() {
		CountryScope mine = this.scope.get();
		return Countries.all(LocaleContextHolder.getLocale())
			.stream()
			.filter((country) -> mine.all() || mine.includes(country.code()))
			.toList();
	}

	/** Whether this admin is limited to some countries (then "none" cannot mean all). */
	@ModelAttribute("scopedAdmin")
	boolean scopedAdmin() {
		return !this.scope.get().all();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("users",
				this.users.listManaged(PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by("username"))));
		return "accounts/user-list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new UserForm());
		model.addAttribute("userId", null);
		return "accounts/user-form";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("userId", null);
		NewUser request = form.toNewUser();
		FormErrors.validate(this.validator, request, result, Map.of());
		if (result.hasErrors()) {
			return "accounts/user-form";
		}
		try {
			this.users.create(request);
			redirect.addFlashAttribute("flash", "user.created");
			return "redirect:/admin/users";
		}
		catch (BusinessRuleException ex) {
			rejectOnField(ex, result);
			return "accounts/user-form";
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		UserView user = this.users.getManaged(id);
		model.addAttribute("form", UserForm.of(user));
		model.addAttribute("userId", id);
		return "accounts/user-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		model.addAttribute("userId", id);
		// the user name cannot change; show the stored one whatever was posted
		form.setUsername(this.users.getManaged(id).username());
		UserChange change = form.toChange();
		FormErrors.validate(this.validator, change, result, Map.of());
		if (result.hasErrors()) {
			return "accounts/user-form";
		}
		try {
			this.users.update(id, change, principal.getName());
			redirect.addFlashAttribute("flash", "user.saved");
			return "redirect:/admin/users";
		}
		catch (StaleVersionException ex) {
			UserView theirs = this.users.getManaged(id);
			model.addAttribute("theirs", theirs);
			form.setVersion(theirs.version());
			result.reject("user.conflict");
			return "accounts/user-form";
		}
		catch (BusinessRuleException ex) {
			rejectOnField(ex, result);
			return "accounts/user-form";
		}
	}

	@GetMapping("/{id}/password")
	String passwordForm(@PathVariable long id, Model model) {
		model.addAttribute("user", this.users.getManaged(id));
		model.addAttribute("form", new PasswordForm());
		return "accounts/user-password";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("form") PasswordForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!form.confirmed()) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.users.resetPassword(id, form.getNewPassword(), form.isForceChange());
				redirect.addFlashAttribute("flash", "user.passwordReset");
				return "redirect:/admin/users";
			}
			catch (BusinessRuleException ex) {
				result.rejectValue("newPassword", ex.messageKey(), ex.arguments(), ex.getMessage());
			}
		}
		model.addAttribute("user", this.users.getManaged(id));
		return "accounts/user-password";
	}

	private static void rejectOnField(BusinessRuleException ex, BindingResult result) {
		@Nullable String field = ex.messageKey().startsWith("password.") ? "password"
				: ex.messageKey().startsWith("user.username.") ? "username"
						: ex.messageKey().startsWith("user.countries.") ? "countries" : null;
		if (field != null) {
			result.rejectValue(field, ex.messageKey(), ex.arguments(), ex.getMessage());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.getMessage());
		}
	}

}
