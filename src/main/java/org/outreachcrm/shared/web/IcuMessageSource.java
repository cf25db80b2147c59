package org.outreachcrm.shared.web;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
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

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

	private final Map<PatternKey, Compiled> formats = new ConcurrentHashMap<>();

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
		Compiled compiled = this.formats.computeIfAbsent(new PatternKey(pattern, locale), Compiled::of);
		Object[] values = compiled.countsAsNumbers(args);
		// an ICU format keeps state while formatting, like the JDK's
		synchronized (compiled.format()) {
			return compiled.format().format(values);
		}
	}

	private record PatternKey(String pattern, Locale locale) {
	}

	/**
	 * A message's format and the arguments it counts (plural, ordinal, choice or number).
	 * Whole numbers often arrive as text, so that an id is printed as written and not
	 * grouped like a quantity ("id 999999"); an argument that is counted takes the number
	 * back, where ICU would refuse the text.
	 */
	private record Compiled(MessageFormat format, Set<Integer> counted) {

		static Compiled of(PatternKey key) {
			MessagePattern parsed = new MessagePattern(key.pattern());
			Set<Integer> counted = new HashSet<>();
			for (int i = 0; i + 1 < parsed.countParts(); i++) {
				MessagePattern.Part part = parsed.getPart(i);
				MessagePattern.Part argument = parsed.getPart(i + 1);
				if (part.getType() != MessagePattern.Part.Type.ARG_START
						|| argument.getType() != MessagePattern.Part.Type.ARG_NUMBER) {
					continue;
				}
				boolean number = switch (part.getArgType()) {
					case PLURAL, SELECTORDINAL, CHOICE -> true;
					case SIMPLE ->
						i + 2 < parsed.countParts() && "number".equals(parsed.getSubstring(parsed.getPart(i + 2)));
					default -> false;
				};
				if (number) {
					counted.add(argument.getValue());
				}
			}
			return new Compiled(new MessageFormat(key.pattern(), key.locale()), Set.copyOf(counted));
		}

		Object[] countsAsNumbers(Object[] args) {
			Object[] values = args;
			for (int index : this.counted) {
				if (index < args.length && args[index] instanceof String text && WHOLE.matcher(text).matches()) {
					if (values == args) {
						values = args.clone();
					}
					values[index] = new BigDecimal(text);
				}
			}
			return values;
		}

	}

}
