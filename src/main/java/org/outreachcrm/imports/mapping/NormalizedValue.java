package org.outreachcrm.imports.mapping;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of normalizing one value a person typed: usable as is, usable with a
 * warning for the import report, or a reason to reject the row. Bad data never throws.
 */
public sealed interface NormalizedValue {

	/** The value to store; "" when there is none. Rejected values have none. */
	String value();

	/** The warning or rejection reason, if any. */
	Optional<Notice> notice();

	static NormalizedValue valid(String value) {
		return new Valid(value);
	}

	static NormalizedValue flagged(String value, MappingMessage message, String... arguments) {
		return new Flagged(value, new Notice(message, List.of(arguments)));
	}

	static NormalizedValue rejected(MappingMessage message, String... arguments) {
		return new Rejected(new Notice(message, List.of(arguments)));
	}

	/** A message with its arguments, for the message bundles. */
	record Notice(MappingMessage message, List<String> arguments) {

		public Notice {
			arguments = List.copyOf(arguments);
		}

	}

	/** A value that needs no remark; "" means the cell was empty. */
	record Valid(String value) implements NormalizedValue {

		@Override
		public Optional<Notice> notice() {
			return Optional.empty();
		}

	}

	/** A value kept with a warning for the import report. */
	record Flagged(String value, Notice warning) implements NormalizedValue {

		@Override
		public Optional<Notice> notice() {
			return Optional.of(this.warning);
		}

	}

	/** A value that makes its row unusable. */
	record Rejected(Notice reason) implements NormalizedValue {

		@Override
		public String value() {
			return "";
		}

		@Override
		public Optional<Notice> notice() {
			return Optional.of(this.reason);
		}

	}

}
