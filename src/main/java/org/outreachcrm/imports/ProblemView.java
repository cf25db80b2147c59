package org.outreachcrm.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A warning or rejection of one row of an import, naming the column where it can.
 *
 * @param message the remark as a sentence, in the reader's language when the view was
 * {@link #withMessage localized}, else in English
 * @param text its bundle key and arguments; null for problems stored before messages had
 * keys (then {@code message} is all there is)
 */
public record ProblemView(long row, String severity, @Nullable String column, String message,
		@JsonIgnore @Nullable ImportText text) {

	/**
	 * For API clients: the message bundle key of {@code message}, stable across
	 * languages.
	 */
	@JsonProperty("messageCode")
	public @Nullable String messageCode() {
		return this.text == null ? null : this.text.code();
	}

	/** The same problem with its message in another language. */
	public ProblemView withMessage(String message) {
		return new ProblemView(this.row, this.severity, this.column, message, this.text);
	}

}
