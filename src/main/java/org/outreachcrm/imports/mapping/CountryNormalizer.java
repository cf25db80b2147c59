package org.outreachcrm.imports.mapping;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

import org.outreachcrm.shared.TextFolding;

/**
 * Reads a country as people write it (an ISO alpha-2 or alpha-3 code, its name in any
 * language the JDK knows, or a common extra such as "UK" or "Stany Zjednoczone") into its
 * ISO 3166-1 alpha-2 code.
 *
 * <p>
 * The lookup is built once per JVM and shared: it holds every country's name in every
 * available language, which takes a moment to fold.
 */
public final class CountryNormalizer {

	static final String EXTRA_ALIASES = "imports/country-aliases.properties";

	/** Parses a country and returns its alpha-2 code, or a warning and "". */
	public NormalizedValue normalize(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return NormalizedValue.valid("");
		}
		return alpha2(trimmed).map(NormalizedValue::valid)
			.orElseGet(() -> NormalizedValue.flagged("", MappingMessage.UNKNOWN_COUNTRY, trimmed));
	}

	/** The alpha-2 code of a country name or code, if known. */
	public Optional<String> alpha2(String text) {
		String code = Lookup.CODES.get(TextFolding.key(text));
		if (code == null && !isLatin(text)) {
			code = Lookup.CODES.get(scriptKey(text));
		}
		return Optional.ofNullable(code);
	}

	/**
	 * Names in other scripts are keyed in their own script, lower-cased without
	 * punctuation: transliterating tens of thousands of names through ICU at start-up
	 * took seconds, and a name typed in Cyrillic matches its Cyrillic form anyway.
	 */
	static String scriptKey(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	static boolean isLatin(String text) {
		return text.codePoints()
			.filter(Character::isLetter)
			.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
	}

	/** Built on first use; a holder class so the cost is paid only by imports. */
	private static final class Lookup {

		static final Map<String, String> CODES = build();

		private static Map<String, String> build() {
			Map<String, String> codes = new HashMap<>(AliasTable.load(EXTRA_ALIASES, code -> code));
			String[] countries = Locale.getISOCountries();
			for (String code : countries) {
				codes.putIfAbsent(TextFolding.key(code), code);
				try {
					codes.putIfAbsent(TextFolding.key(region(code).getISO3Country()), code);
				}
				catch (MissingResourceException ex) {
					// A few codes have no alpha-3 in the JDK; their names still count.
				}
			}
			// Our users' languages first, so that they win where names collide.
			for (Locale language : languages()) {
				for (String code : countries) {
					String name = region(code).getDisplayCountry(language);
					if (!name.isBlank() && !name.equals(code)) {
						codes.putIfAbsent(isLatin(name) ? TextFolding.key(name) : scriptKey(name), code);
					}
				}
			}
			return Map.copyOf(codes);
		}

		private static Locale region(String code) {
			return new Locale.Builder().setRegion(code).build();
		}

		private static Set<Locale> languages() {
			Set<Locale> languages = new LinkedHashSet<>(List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"),
					Locale.forLanguageTag("ro"), Locale.GERMAN, Locale.FRENCH));
			for (Locale locale : Locale.getAvailableLocales()) {
				if (!locale.getLanguage().isEmpty()) {
					languages.add(new Locale.Builder().setLanguage(locale.getLanguage())
						.setScript(locale.getScript())
						.build());
				}
			}
			return languages;
		}

	}

}
