package org.outreachcrm.directory.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Small normalizations of query parameters shared by the directory's controllers. */
final class Requests {

	private Requests() {
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static @Nullable String country(@Nullable String value) {
		String country = blankToNull(value);
		return country == null ? null : country.toUpperCase(Locale.ROOT);
	}

}
