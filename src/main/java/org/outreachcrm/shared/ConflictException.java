package org.outreachcrm.shared;

/**
 * A request that conflicts with what happened since the state it wants to act on (for
 * example undoing a merge whose moved rows were deleted since): answered with 409, its
 * reason a bundle message like any {@link BusinessRuleException}.
 */
public class ConflictException extends BusinessRuleException {

	public ConflictException(String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, defaultMessage, arguments);
	}

}
