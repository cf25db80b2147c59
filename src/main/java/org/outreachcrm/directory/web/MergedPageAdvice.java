package org.outreachcrm.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The page of a merged organization or person redirects to the record it was merged into,
 * with a message saying so; other missing records answer the usual 404 page.
 */
@ControllerAdvice(assignableTypes = { OrganizationPageController.class, ContactPageController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class MergedPageAdvice {

	// an advice is part of every web slice; slices of other pages run without the
	// directory's services, and without a ledger nothing was merged
	private final ObjectProvider<MergeLedger> ledger;

	MergedPageAdvice(ObjectProvider<MergeLedger> ledger) {
		this.ledger = ledger;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request) {
		var into = MergedRecords.into(this.ledger.getIfAvailable(), ex);
		if (into.isPresent()) {
			RequestContextUtils.getOutputFlashMap(request).put("flash", "merge.redirected");
			return new ModelAndView("redirect:" + MergedRecords.path(ex, into.get()));
		}
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

}
