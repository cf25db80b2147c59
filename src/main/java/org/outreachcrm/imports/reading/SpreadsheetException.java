package org.outreachcrm.imports.reading;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet could not be read for a reason the user can act on. The user reads the
 * {@link #reason() reason}'s sentence from the message bundles, in their language, with
 * the {@link #arguments() arguments} (the file, and the sheet where it matters); the
 * exception's own message is the key and arguments, for logs.
 */
public class SpreadsheetException extends RuntimeException {

	private final ReadingMessage reason;

	private final List<String> arguments;

	public SpreadsheetException(ReadingMessage reason, @Nullable Throwable cause, Object... arguments) {
		this(reason, Arrays.stream(arguments).map(String::valueOf).toList(), cause);
	}

	public SpreadsheetException(ReadingMessage reason, Object... arguments) {
		this(reason, null, arguments);
	}

	private SpreadsheetException(ReadingMessage reason, List<String> arguments, @Nullable Throwable cause) {
		super(reason.key() + " " + arguments, cause);
		this.reason = reason;
		this.arguments = arguments;
	}

	/** The message, whose key the message bundles translate. */
	public ReadingMessage reason() {
		return this.reason;
	}

	/** The arguments filled into the message, as strings. */
	public List<String> arguments() {
		return this.arguments;
	}

}
