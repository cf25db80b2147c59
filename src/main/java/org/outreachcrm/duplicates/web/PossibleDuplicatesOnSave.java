package org.outreachcrm.duplicates.web;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.OrganizationDetails;
import org.outreachcrm.duplicates.DuplicateCheck;
import org.outreachcrm.duplicates.PossibleDuplicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The check for duplicates when an organization or a person is created or changed, in the
 * API and in the forms, without the directory knowing about it: after the directory has
 * saved (and committed), the saved record is compared with the records sharing a blocking
 * key. The API answer then carries the header {@value #HEADER} with the ids of the
 * possible duplicates, best first; a form's redirect carries a warning with their names
 * and links. A save is never refused, and a failing check only logs.
 */
@ControllerAdvice
class PossibleDuplicatesOnSave implements ResponseBodyAdvice<Object>, HandlerInterceptor {

	/** Response header of the API: ids of possible duplicates, comma-separated. */
	static final String HEADER = "X-Possible-Duplicates";

	/** Flash attribute of the forms: a list of {@link Warning}. */
	static final String FLASH = "possibleDuplicates";

	private static final Logger log = LoggerFactory.getLogger(PossibleDuplicatesOnSave.class);

	private static final Pattern API_SAVE = Pattern.compile("/api/(organizations|contacts)(/\\d+)?");

	private static final Pattern FORM_SAVE = Pattern.compile("/(organizations|contacts)(/\\d+)?");

	private static final Pattern FORM_REDIRECT = Pattern.compile("redirect:/(organizations|contacts)/(\\d+)");

	// an advice is part of every web slice; slices of other pages run without the
	// finder, and without it there is nothing to warn about
	private final ObjectProvider<DuplicateCheck> check;

	PossibleDuplicatesOnSave(ObjectProvider<DuplicateCheck> check) {
		this.check = check;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (!(request instanceof ServletServerHttpRequest servlet) || !isSave(servlet.getServletRequest(), API_SAVE)) {
			return body;
		}
		Long id = null;
		MergeKind kind = null;
		if (body instanceof OrganizationDetails organization) {
			id = organization.id();
			kind = MergeKind.ORGANIZATION;
		}
		else if (body instanceof ContactDetails contact) {
			id = contact.id();
			kind = MergeKind.CONTACT;
		}
		if (id != null && kind != null) {
			List<PossibleDuplicate> possible = check(kind, id);
			if (!possible.isEmpty()) {
				response.getHeaders()
					.set(HEADER, String.join(",", possible.stream().map((p) -> Long.toString(p.id())).toList()));
			}
		}
		return body;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null || !isSave(request, FORM_SAVE)) {
			return;
		}
		Matcher redirect = FORM_REDIRECT.matcher(modelAndView.getViewName());
		if (!redirect.matches()) {
			return;
		}
		MergeKind kind = redirect.group(1).equals("organizations") ? MergeKind.ORGANIZATION : MergeKind.CONTACT;
		List<Warning> warnings = check(kind, Long.parseLong(redirect.group(2))).stream()
			.map((p) -> new Warning(redirect.group(1), p.id(), p.name()))
			.toList();
		if (!warnings.isEmpty()) {
			RequestContextUtils.getOutputFlashMap(request).put(FLASH, warnings);
		}
	}

	private List<PossibleDuplicate> check(MergeKind kind, long id) {
		DuplicateCheck finder = this.check.getIfAvailable();
		if (finder == null) {
			return List.of();
		}
		try {
			return finder.check(kind, id);
		}
		catch (RuntimeException ex) {
			log.warn("The check for duplicates of {} {} failed", kind, id, ex);
			return List.of();
		}
	}

	private static boolean isSave(HttpServletRequest request, Pattern paths) {
		String method = request.getMethod();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ("POST".equals(method) || "PUT".equals(method)) && paths.matcher(path).matches();
	}

	/** A possible duplicate named in a form's warning: its path, id and name. */
	record Warning(String path, long id, String name) implements Serializable {
	}

}
