package org.outreachcrm.imports.reading;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet could not be read for a reason the user can act on; the message is a
 * sentence for the user, naming the file (and sheet where it matters).
 */
public class SpreadsheetException extends RuntimeException {

	private final ReadingMessage reason;

	private final List<String> arguments;

	public SpreadsheetException(ReadingMessage reason, @Nullable Throwable cause, Object... arguments) {
		super(reason.format(arguments), cause);
		this.reason = reason;
		this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
	}

	public SpreadsheetException(ReadingMessage reason, Object... arguments) {
		this(reason, null, arguments);
	}

	/** The message template, whose key a message bundle can translate. */
	public ReadingMessage reason() {
		return this.reason;
	}

	/** The arguments filled into the template, as strings. */
	public List<String> arguments() {
		return this.arguments;
	}

	/** The English sentence to show to the user. */
	public String userMessage() {
		return getMessage();
	}

}
