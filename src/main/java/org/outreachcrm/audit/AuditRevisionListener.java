package org.outreachcrm.audit;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.hibernate.envers.RevisionListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Stamps each new revision with the logged-in user ("system" when none), the time from
 * the application's {@link Clock} and the source: what {@link AuditSource} names, else
 * API or WEB by the request path, else SYSTEM. Hibernate gets it from Spring (the bean
 * container), so the clock is the one tests control.
 */
@Component
class AuditRevisionListener implements RevisionListener {

	static final String SYSTEM_USER = "system";

	private final ObjectProvider<Clock> clock;

	AuditRevisionListener(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	@Override
	public void newRevision(Object revisionEntity) {
		AuditRevision revision = (AuditRevision) revisionEntity;
		AuditSource.Current current = AuditSource.current();
		ChangeSource source;
		String reference = null;
		if (current != null) {
			source = current.source();
			reference = current.reference();
		}
		else {
			source = requestSource();
		}
		revision.stamp(this.clock.getObject().millis(), username(), source, reference);
	}

	private static ChangeSource requestSource() {
		// only a request the DispatcherServlet handles (not, say, a test's mock request
		// context)
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE) != null) {
			HttpServletRequest request = attributes.getRequest();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/") ? ChangeSource.API : ChangeSource.WEB;
		}
		return ChangeSource.SYSTEM;
	}

	static String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || !authentication.isAuthenticated()) ? SYSTEM_USER : authentication.getName();
	}

}
