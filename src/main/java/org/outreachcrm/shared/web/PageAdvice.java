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

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex) {
		return "error/404";
	}

}
