package org.outreachcrm.accounts.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.web.PageController;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sends users whose password an admin set with "must change at next login" to the
 * password page before any other page. Only pages: the JSON API is for scripts, which
 * cannot answer the question.
 */
class PasswordChangeGate implements HandlerInterceptor {

	static final String PASSWORD_PAGE = "/account/password";

	private final UserAccounts users;

	PasswordChangeGate(UserAccounts users) {
		this.users = users;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Principal principal = request.getUserPrincipal();
		if (principal == null || !(handler instanceof HandlerMethod method)
				|| !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class)
				|| method.getBeanType() == AccountPageController.class) {
			return true;
		}
		// one lookup by the unique user name per page; the flag must hold the moment an
		// admin sets it, so it is not cached in the session
		boolean mustChange = this.users.findByUsername(principal.getName())
			.map(UserView::passwordChangeRequired)
			.orElse(false);
		if (!mustChange) {
			return true;
		}
		String target = request.getContextPath() + PASSWORD_PAGE;
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", target);
		}
		else {
			response.sendRedirect(target);
		}
		return false;
	}

	/** Registers the gate for every page. */
	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		private final UserAccounts users;

		Registration(UserAccounts users) {
			this.users = users;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new PasswordChangeGate(this.users)).excludePathPatterns("/api/**");
		}

	}

}
