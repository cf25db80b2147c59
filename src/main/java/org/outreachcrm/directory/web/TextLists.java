package org.outreachcrm.directory.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists typed into one text field: comma- or newline-separated, as people paste them from
 * e-mails and spreadsheets.
 */
final class TextLists {

	private TextLists() {
	}

	static List<String> split(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\\r\\n]+")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	static String join(@Nullable Collection<String> values, String separator) {
		return (values == null) ? "" : String.join(separator, values);
	}

}
