package org.outreachcrm.home.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names the shipped world map (world-atlas 2.0.2, Natural Earth 1:110m, vendored
 * under {@code static/vendor}) gives its countries, mapped to ISO 3166-1 alpha-2 codes.
 * Most are the English names Java knows; the map abbreviates or uses other names for the
 * rest. Areas without a code of their own (N. Cyprus, Somaliland, Kosovo) stay
 * uncoloured.
 */
final class WorldMapNames {

	private static final Map<String, String> ABBREVIATED = Map.ofEntries(Map.entry("W. Sahara", "EH"),
			Map.entry("United States of America", "US"), Map.entry("Dem. Rep. Congo", "CD"),
			Map.entry("Dominican Rep.", "DO"), Map.entry("Falkland Is.", "FK"),
			Map.entry("Fr. S. Antarctic Lands", "TF"), Map.entry("Côte d'Ivoire", "CI"),
			Map.entry("Central African Rep.", "CF"), Map.entry("Congo", "CG"), Map.entry("Eq. Guinea", "GQ"),
			Map.entry("eSwatini", "SZ"), Map.entry("Palestine", "PS"), Map.entry("Myanmar", "MM"),
			Map.entry("Solomon Is.", "SB"), Map.entry("Bosnia and Herz.", "BA"), Map.entry("Macedonia", "MK"),
			Map.entry("Trinidad and Tobago", "TT"), Map.entry("S. Sudan", "SS"));

	/** Map name → country code, for every country whose code is known. */
	static final Map<String, String> CODES = codes();

	private WorldMapNames() {
	}

	private static Map<String, String> codes() {
		Map<String, String> codes = new HashMap<>();
		for (String code : Locale.getISOCountries()) {
			codes.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
		}
		codes.putAll(ABBREVIATED);
		return Map.copyOf(codes);
	}

}
