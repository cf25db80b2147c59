package org.outreachcrm.shared;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The countries a user may see: all of them, or a fixed set of ISO 3166-1 alpha-2 codes.
 * Records without a country are visible only to users whose scope is all countries.
 *
 * @param all whether every country is visible
 * @param countries the visible countries when {@code all} is false (upper-case alpha-2)
 */
public record CountryScope(boolean all, Set<String> countries) {

	private static final CountryScope ALL = new CountryScope(true, Set.of());

	public CountryScope {
		TreeSet<String> normalized = new TreeSet<>();
		for (String country : countries) {
			normalized.add(country.trim().toUpperCase(Locale.ROOT));
		}
		countries = all ? Set.of() : Set.copyOf(normalized);
	}

	/** The scope of the coordination center and of system work (schedulers, start-up). */
	public static CountryScope everything() {
		return ALL;
	}

	/**
	 * A scope limited to the given countries; an empty collection sees nothing scoped.
	 */
	public static CountryScope of(Collection<String> countries) {
		return new CountryScope(false, Set.copyOf(countries));
	}

	/** Whether a record of the given country (null when unknown) is visible. */
	public boolean includes(@Nullable String country) {
		if (this.all) {
			return true;
		}
		return country != null && this.countries.contains(country.toUpperCase(Locale.ROOT));
	}

}
