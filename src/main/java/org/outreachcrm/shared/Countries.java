package org.outreachcrm.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes and their names in the user's language. */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	private Countries() {
	}

	/** Whether {@code code} is an ISO 3166-1 alpha-2 code (upper case). */
	public static boolean isValid(String code) {
		return CODES.contains(code);
	}

	/**
	 * The country's name in {@code locale}, or the code itself when the JDK has no name.
	 */
	public static String displayName(String code, Locale locale) {
		String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/** All countries as (code, name) sorted by name in {@code locale}, for pickers. */
	public static List<Country> all(Locale locale) {
		return CODES.stream()
			.map(code -> new Country(code, displayName(code, locale)))
			.sorted(Comparator.comparing(c -> TextFolding.fold(c.name())))
			.toList();
	}

	/** A country code with its name in one language. */
	public record Country(String code, String name) {
	}

}
