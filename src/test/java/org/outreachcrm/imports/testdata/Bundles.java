package org.outreachcrm.imports.testdata;

import java.util.List;
import java.util.Locale;

import org.outreachcrm.imports.mapping.NormalizedValue;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.imports.reading.SpreadsheetFormat;
import org.outreachcrm.shared.web.IcuMessageSource;
import org.outreachcrm.shared.web.MessagesConfiguration;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The application's message bundles as Spring Boot configures them, for tests of code
 * that gives keys and arguments rather than sentences: what the user reads is checked in
 * the words they read.
 */
public final class Bundles {

	public static final Locale POLISH = Locale.forLanguageTag("pl");

	public static final Locale ROMANIAN = Locale.forLanguageTag("ro");

	/** English, Polish and Romanian: the languages of the user interface. */
	public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, POLISH, ROMANIAN);

	private static final IcuMessageSource MESSAGES = messages();

	private Bundles() {
	}

	public static IcuMessageSource messages() {
		MessageSourceProperties properties = new MessageSourceProperties();
		properties.setBasename(List.of("messages"));
		properties.setFallbackToSystemLocale(false);
		return MessagesConfiguration.icuMessages(properties);
	}

	/**
	 * The sentence in a language; as in the application, a format's description among the
	 * arguments is translated too.
	 */
	public static String text(Locale locale, String key, List<String> arguments) {
		Object[] args = arguments.stream()
			.map((arg) -> SpreadsheetFormat.isDescription(arg) ? new DefaultMessageSourceResolvable(arg) : arg)
			.toArray();
		return MESSAGES.getMessage(key, args, locale);
	}

	public static String english(SpreadsheetException ex) {
		return text(Locale.ENGLISH, ex.reason().key(), ex.arguments());
	}

	public static String english(NormalizedValue.Notice notice) {
		return text(Locale.ENGLISH, notice.message().key(), notice.arguments());
	}

}
