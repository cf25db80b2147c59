package org.outreachcrm.shared;

/**
 * A write refused because it would also change records outside the caller's country scope
 * (a meeting with invitations of other countries, a campaign with targets there):
 * answered with 403 and the reason, in the user's language. The record itself is visible,
 * so refusing does not reveal more than the caller already sees; a record outside the
 * scope answers 404 through {@link NotFoundException} instead.
 */
public class OutOfScopeException extends BusinessRuleException {

	public OutOfScopeException(String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, defaultMessage, arguments);
	}

}
