package org.outreachcrm.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The application's message bundles, formatted by ICU4J rather than the JDK: every
 * message with arguments may use {@code {0, plural, one {...} few {...} many {...} other
 * {...}}}, which Polish and Romanian counts need and the JDK's MessageFormat does not
 * know. Quoting follows ICU's default: {@code ''} is an apostrophe, as before, and a lone
 * apostrophe is kept as typed unless it quotes a brace.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	private final Map<PatternKey, MessageFormat> formats = new ConcurrentHashMap<>();

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
			@Nullable Locale locale) {
		if (code == null || ObjectUtils.isEmpty(args)) {
			return super.getMessageInternal(code, args, locale);
		}
		Locale language = (locale != null) ? locale : Locale.getDefault();
		String pattern = resolveCodeWithoutArguments(code, language);
		if (pattern == null) {
			// not in these bundles: the parent or the common messages may know it
			return super.getMessageInternal(code, args, locale);
		}
		return format(pattern, resolveArguments(args, language), language);
	}

	@Override
	protected String renderDefaultMessage(String defaultMessage, Object @Nullable [] args, Locale locale) {
		if (ObjectUtils.isEmpty(args)) {
			return defaultMessage;
		}
		return format(defaultMessage, resolveArguments(args, locale), locale);
	}

	private String format(String pattern, Object[] args, Locale locale) {
		MessageFormat format = this.formats.computeIfAbsent(new PatternKey(pattern, locale),
				(key) -> new MessageFormat(key.pattern(), key.locale()));
		// an ICU format keeps state while formatting, like the JDK's
		synchronized (format) {
			return format.format(args);
		}
	}

	private record PatternKey(String pattern, Locale locale) {
	}

}
