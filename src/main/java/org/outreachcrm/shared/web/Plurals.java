package org.outreachcrm.shared.web;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Messages with counts, formatted by ICU so that {@code {0, plural, one {...} few {...}
 * many {...} other {...}}} picks the form each language needs (Polish and Romanian have
 * more than English). Templates call {@code ${@plurals.format('key', n)}}; since the
 * application's message source is {@link IcuMessageSource}, {@code #{key(n)}} reads the
 * same, and this stays for the templates that use it.
 */
@Component("plurals")
public class Plurals {

	private final MessageSource messages;

	public Plurals(MessageSource messages) {
		this.messages = messages;
	}

	/** The message in the current request's language. */
	public String format(String key, Object... arguments) {
		return format(LocaleContextHolder.getLocale(), key, arguments);
	}

	/** The message in {@code locale}, with numbers as counts. */
	public String format(Locale locale, String key, Object... arguments) {
		// without arguments Spring returns the pattern as written
		String pattern = this.messages.getMessage(key, null, key, locale);
		return new MessageFormat(pattern, locale).format(arguments);
	}

}
