package org.outreachcrm.shared;

/**
 * A request that is well-formed but breaks a rule of the domain (answered with 409 or
 * 422). The message key points into the message bundles so that the user reads it in
 * their language.
 */
public class BusinessRuleException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	/**
	 * A refusal with its message key and the key's arguments. Whole numbers among the
	 * arguments are record ids here, so they are kept as written: the bundles' formatting
	 * would show a number as a quantity ("id 999,999", in Polish "999 999").
	 */
	public BusinessRuleException(String messageKey, String defaultMessage, Object... arguments) {
		super(defaultMessage);
		this.messageKey = messageKey;
		this.arguments = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			this.arguments[i] = (argument instanceof Long || argument instanceof Integer) ? argument.toString()
					: argument;
		}
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
