package org.outreachcrm.shared;

/**
 * A request that is well-formed but breaks a rule of the domain (answered with 409 or
 * 422). The message key points into the message bundles so that the user reads it in
 * their language.
 */
public class BusinessRuleException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public BusinessRuleException(String messageKey, String defaultMessage, Object... arguments) {
		super(defaultMessage);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
