package org.outreachcrm.shared;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The name an erased person's record keeps: a fixed English text with the record's id,
 * stored so that every list, report and export still has a name to show (the directory
 * writes it). The pages show it in the user's language instead ({@code contact.erased},
 * through {@code ViewFormats.person}).
 */
public final class ErasedPersonName {

	private static final String PREFIX = "Erased person #";

	private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)");

	private ErasedPersonName() {
	}

	/** The stored name of the erased person with this record id. */
	public static String of(long id) {
		return PREFIX + id;
	}

	/** The record's id when the name is the stored name of an erased person. */
	public static OptionalLong id(@Nullable String name) {
		if (name == null) {
			return OptionalLong.empty();
		}
		Matcher matcher = NAME.matcher(name);
		return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}

}
