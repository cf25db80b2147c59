package org.outreachcrm.reports;

import org.outreachcrm.shared.BusinessRuleException;

/** A schedule that cannot be saved, naming the field at fault (cron, time, ...). */
public class InvalidScheduleException extends BusinessRuleException {

	private final String field;

	InvalidScheduleException(String field, String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, defaultMessage, arguments);
		this.field = field;
	}

	/** The request field that holds the problem. */
	public String field() {
		return this.field;
	}

}
