package org.outreachcrm.accounts.web;

import org.outreachcrm.shared.web.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security processes the POST and the logout. */
@PageController
class LoginController {

	@GetMapping("/login")
	String login() {
		return "accounts/login";
	}

}
