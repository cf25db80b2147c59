package org.outreachcrm.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * Chooses between a whole page and one fragment of the same template, so that an htmx
 * partial is never a copy of its page.
 */
public final class Fragments {

	private Fragments() {
	}

	/**
	 * {@code template :: fragment} for htmx requests; the whole {@code template} for
	 * normal navigation and for htmx's history restore, which needs the full page.
	 */
	public static String pageOrFragment(HtmxRequest htmx, String template, String fragment) {
		return (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) ? template + " :: " + fragment : template;
	}

}
