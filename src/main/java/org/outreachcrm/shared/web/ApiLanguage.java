package org.outreachcrm.shared.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language of an API answer's sentences: the best of the request's
 * {@code Accept-Language} that the message bundles cover, English when it names none of
 * them (or is absent or malformed). The pages keep their own choice (the {@code crm-lang}
 * cookie); scripts have no cookie and say what they read.
 */
public final class ApiLanguage {

	private ApiLanguage() {
	}

	public static Locale of(@Nullable String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return WebConfiguration.SUPPORTED.get(0);
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
			Locale match = Locale.lookup(ranges, WebConfiguration.SUPPORTED);
			return match == null ? WebConfiguration.SUPPORTED.get(0) : match;
		}
		catch (IllegalArgumentException ex) {
			return WebConfiguration.SUPPORTED.get(0);
		}
	}

}
