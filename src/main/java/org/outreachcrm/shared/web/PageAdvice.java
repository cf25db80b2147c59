package org.outreachcrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page needs besides its own model: the request path for the navigation, and
 * errors of page controllers as pages in the user's language. Conflicts and broken
 * business rules are not here: the controllers show them next to the form the user was
 * filling, which is where they can act on them.
 */
@ControllerAdvice(annotations = PageController.class)
class PageAdvice {

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/**
	 * The zone the browser reported (the {@code tz} cookie app.js sets), shown in the
	 * user menu; null when it is missing or names no zone.
	 */
	@ModelAttribute("viewerZone")
	@org.jspecify.annotations.Nullable
	String viewerZone(@org.springframework.web.bind.annotation.CookieValue(name = "tz",
			required = false) @org.jspecify.annotations.Nullable String tz) {
		if (tz == null || tz.isBlank()) {
			return null;
		}
		try {
			return java.time.ZoneId.of(tz.strip()).getId();
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex) {
		return "error/404";
	}

}
