package org.outreachcrm.imports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.reading.SpreadsheetFormat;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Renders {@link ImportText}s through the message bundles. Runs and problems stored
 * before messages had keys hold only an English sentence, which is shown as it is.
 */
@Component
class ImportTexts {

	/** The language of what is stored beside the key and of the inbox's result files. */
	static final Locale DEFAULT = Locale.ENGLISH;

	private final MessageSource messages;

	ImportTexts(MessageSource messages) {
		this.messages = messages;
	}

	String render(ImportText text, Locale locale) {
		return this.messages.getMessage(text.code(), arguments(text), locale);
	}

	/**
	 * The text in the locale; a stored sentence without a key as it is. A key this
	 * version does not know (written by a newer one) also falls back to the sentence.
	 */
	@Nullable String render(@Nullable ImportText text, @Nullable String stored, Locale locale) {
		if (text == null) {
			return stored;
		}
		try {
			return render(text, locale);
		}
		catch (NoSuchMessageException ex) {
			// as stored: a default message would go through MessageFormat with the
			// arguments, and lose the sentence's apostrophes
			return (stored != null) ? stored : text.code();
		}
	}

	String english(ImportText text) {
		return render(text, DEFAULT);
	}

	String english(String code, Object... args) {
		return this.messages.getMessage(code, args, DEFAULT);
	}

	/**
	 * The text as an argument of another message, rendered in that message's language.
	 */
	MessageSourceResolvable resolvable(ImportText text) {
		return new DefaultMessageSourceResolvable(new String[] { text.code() }, arguments(text), english(text));
	}

	/**
	 * The arguments, where a format's description (a key itself) is translated along with
	 * the message; everything else is plain text.
	 */
	private static Object[] arguments(ImportText text) {
		return text.args()
			.stream()
			.map((arg) -> SpreadsheetFormat.isDescription(arg) ? new DefaultMessageSourceResolvable(arg) : arg)
			.toArray();
	}

}
