package org.outreachcrm.home.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names the shipped world map (Natural Earth, as ECharts 4 shipped it) gives its
 * countries, mapped to ISO 3166-1 alpha-2 codes. Most are the English names Java knows;
 * the map abbreviates or uses older names for the rest.
 */
final class WorldMapNames {

	private static final Map<String, String> ABBREVIATED = Map.ofEntries(Map.entry("Czech Rep.", "CZ"),
			Map.entry("Dem. Rep. Congo", "CD"), Map.entry("Congo", "CG"), Map.entry("Bosnia and Herz.", "BA"),
			Map.entry("Central African Rep.", "CF"), Map.entry("Dominican Rep.", "DO"), Map.entry("Eq. Guinea", "GQ"),
			Map.entry("Dem. Rep. Korea", "KP"), Map.entry("Korea", "KR"), Map.entry("Lao PDR", "LA"),
			Map.entry("Macedonia", "MK"), Map.entry("Russia", "RU"), Map.entry("S. Sudan", "SS"),
			Map.entry("Côte d'Ivoire", "CI"), Map.entry("Cape Verde", "CV"), Map.entry("Swaziland", "SZ"),
			Map.entry("Vietnam", "VN"), Map.entry("Syria", "SY"), Map.entry("Iran", "IR"), Map.entry("Bolivia", "BO"),
			Map.entry("Tanzania", "TZ"), Map.entry("Venezuela", "VE"), Map.entry("Moldova", "MD"),
			Map.entry("Brunei", "BN"), Map.entry("Micronesia", "FM"), Map.entry("Palestine", "PS"),
			Map.entry("United States", "US"), Map.entry("W. Sahara", "EH"), Map.entry("Solomon Is.", "SB"),
			Map.entry("Falkland Is.", "FK"), Map.entry("Faeroe Is.", "FO"), Map.entry("Fr. Polynesia", "PF"),
			Map.entry("Cayman Is.", "KY"), Map.entry("N. Mariana Is.", "MP"), Map.entry("Turks and Caicos Is.", "TC"),
			Map.entry("U.S. Virgin Is.", "VI"), Map.entry("Antigua and Barb.", "AG"),
			Map.entry("St. Vin. and Gren.", "VC"), Map.entry("São Tomé and Principe", "ST"),
			Map.entry("Timor-Leste", "TL"), Map.entry("Aland", "AX"), Map.entry("Br. Indian Ocean Ter.", "IO"),
			Map.entry("Fr. S. Antarctic Lands", "TF"), Map.entry("Heard I. and McDonald Is.", "HM"),
			Map.entry("S. Geo. and S. Sandw. Is.", "GS"), Map.entry("St. Pierre and Miquelon", "PM"),
			Map.entry("Myanmar", "MM"), Map.entry("Curaçao", "CW"), Map.entry("Saint Helena", "SH"),
			Map.entry("Saint Lucia", "LC"), Map.entry("Turkey", "TR"), Map.entry("Isle of Man", "IM"),
			Map.entry("Hong Kong", "HK"), Map.entry("Gambia", "GM"), Map.entry("Bahamas", "BS"));

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
