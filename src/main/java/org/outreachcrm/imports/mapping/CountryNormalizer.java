package org.outreachcrm.imports.mapping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The lookup tables are built once per JVM and shared.
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
		String code = CommonLanguages.CODES.find(text);
		if (code == null) {
			code = AllLanguages.CODES.find(text);
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

	/**
	 * The languages of our users and their neighbours: their names are looked up first,
	 * which is quick, and win where names collide.
	 */
	private static final List<String> COMMON_LANGUAGES = List.of("en", "pl", "ro", "de", "fr", "es", "it", "pt", "nl",
			"hu", "cs", "sk", "uk", "ru", "bg", "hr", "sr", "sl", "lt", "lv", "et", "el", "sv", "da", "fi", "nb", "tr");

	/** Codes, extras and common languages: built on first use, in well under a second. */
	private static final class CommonLanguages {

		static final NameTable CODES = NameTable.build(COMMON_LANGUAGES.stream().map(Locale::forLanguageTag).toList(),
				true);

	}

	/**
	 * Every other language the JDK knows. Loading the locale data of some 400 languages
	 * takes seconds, so it happens only when a country is not found in the common
	 * languages.
	 */
	private static final class AllLanguages {

		static final NameTable CODES = NameTable.build(otherLanguages(), false);

		private static List<Locale> otherLanguages() {
			Set<Locale> languages = new LinkedHashSet<>();
			for (Locale locale : Locale.getAvailableLocales()) {
				if (!locale.getLanguage().isEmpty() && !COMMON_LANGUAGES.contains(locale.getLanguage())) {
					languages.add(new Locale.Builder().setLanguage(locale.getLanguage())
						.setScript(locale.getScript())
						.build());
				}
			}
			return List.copyOf(languages);
		}

	}

	/** Folded country names and codes to alpha-2 codes. */
	private record NameTable(Map<String, String> codes) {

		@org.jspecify.annotations.Nullable
		String find(String text) {
			String code = this.codes.get(TextFolding.key(text));
			if (code == null && !isLatin(text)) {
				code = this.codes.get(scriptKey(text));
			}
			return code;
		}

		static NameTable build(List<Locale> languages, boolean withCodesAndExtras) {
			Map<String, String> codes = new HashMap<>();
			String[] countries = Locale.getISOCountries();
			if (withCodesAndExtras) {
				codes.putAll(AliasTable.load(EXTRA_ALIASES, code -> code));
				for (String code : countries) {
					codes.putIfAbsent(TextFolding.key(code), code);
					try {
						codes.putIfAbsent(TextFolding.key(region(code).getISO3Country()), code);
					}
					catch (MissingResourceException ex) {
						// A few codes have no alpha-3 in the JDK; their names still
						// count.
					}
				}
			}
			// Many languages share a name, so names are collected first and each folded
			// once.
			Map<String, String> names = new LinkedHashMap<>();
			List<Locale> regions = Arrays.stream(countries).map(NameTable::region).toList();
			for (Locale language : languages) {
				for (Locale region : regions) {
					String name = region.getDisplayCountry(language);
					if (!name.isBlank() && !name.equals(region.getCountry())) {
						names.putIfAbsent(name, region.getCountry());
					}
				}
			}
			names.forEach(
					(name, code) -> codes.putIfAbsent(isLatin(name) ? TextFolding.key(name) : scriptKey(name), code));
			return new NameTable(Map.copyOf(codes));
		}

		private static Locale region(String code) {
			return new Locale.Builder().setRegion(code).build();
		}

	}

}
