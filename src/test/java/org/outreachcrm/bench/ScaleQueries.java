package org.outreachcrm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.shared.TextFolding;

/**
 * The request mix of the scale benchmark: varied directory searches as people type them
 * (accent-free words, prefixes, two words, filters by country and type), list pages,
 * timelines and interactions to log.
 */
final class ScaleQueries {

	private final Random random = new Random(42);

	private final long[] organizations;

	private final long[] contacts;

	/**
	 * @param organizations ids of sampled organizations
	 * @param contacts ids of one person of each sampled organization (same order)
	 */
	ScaleQueries(long[] organizations, long[] contacts) {
		this.organizations = organizations;
		this.contacts = contacts;
	}

	/** {@code count} searches, alternating organizations and people, every kind mixed. */
	List<String> searches(int count) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			paths.add(i % 5 < 3 ? organizationSearch(i) : contactSearch(i));
		}
		return paths;
	}

	private String organizationSearch(int i) {
		ScaleData.Country c = country();
		String city = fold(pick(c.cities()));
		String word = fold(pick(c.words()));
		String kind = fold(pick(c.kinds()));
		return switch (i % 7) {
			case 0 -> "/api/organizations?q=" + enc(city);
			case 1 -> "/api/organizations?q=" + enc(word);
			case 2 -> "/api/organizations?q=" + enc(prefix(city));
			case 3 -> "/api/organizations?q=" + enc(word + " " + city);
			case 4 -> "/api/organizations?q=" + enc(prefix(word)) + "&country=" + c.code();
			case 5 -> "/api/organizations?q=" + enc(city) + "&type=" + type();
			default -> "/api/organizations?q=" + enc(kind + " " + word + " " + prefix(city));
		};
	}

	private String contactSearch(int i) {
		ScaleData.Country c = country();
		String family = fold(pick(c.family()));
		String given = fold(pick(c.given()));
		return switch (i % 5) {
			case 0 -> "/api/contacts?q=" + enc(family);
			case 1 -> "/api/contacts?q=" + enc(given + " " + family);
			case 2 -> "/api/contacts?q=" + enc(prefix(family));
			case 3 -> "/api/contacts?q=" + enc(family) + "&country=" + c.code();
			default -> "/api/contacts?q=" + enc(given) + "&type=" + type();
		};
	}

	List<String> timelines(int count) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			paths.add("/api/organizations/" + this.organizations[this.random.nextInt(this.organizations.length)]
					+ "/timeline");
		}
		return paths;
	}

	List<String> organizationPages(int count) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			paths.add(switch (i % 3) {
				case 0 -> "/api/organizations?page=" + this.random.nextInt(50) + "&size=20&sort=name";
				case 1 ->
					"/api/organizations?country=" + country().code() + "&page=" + this.random.nextInt(20) + "&size=20";
				default -> "/api/organizations?type=" + type() + "&sort=updatedAt,desc&page=" + this.random.nextInt(5)
						+ "&size=20";
			});
		}
		return paths;
	}

	List<String> contactPages(int count) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			paths.add(i % 2 == 0 ? "/api/contacts?page=" + this.random.nextInt(50) + "&size=20&sort=name"
					: "/api/contacts?country=" + country().code() + "&page=" + this.random.nextInt(20) + "&size=20");
		}
		return paths;
	}

	List<String> interactionPages(int count) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			paths.add("/api/interactions?organizationId="
					+ this.organizations[this.random.nextInt(this.organizations.length)] + "&size=20");
		}
		return paths;
	}

	/** The JSON body of the n-th interaction to log: a call with one of its people. */
	String interaction(int n) {
		int pick = Math.floorMod(n * 7919, this.organizations.length);
		return """
				{"organizationId":%d,"contactIds":[%d],"type":"CALL","occurredAt":"2026-11-%02dT%02d:%02d:00Z",\
				"timeZone":"Europe/Warsaw","direction":"OUTBOUND","subject":"Rozmowa o kampanii %d",\
				"summary":"Zaproszenie na spotkanie regionalne; follow-up w przyszłym tygodniu."}"""
			.formatted(this.organizations[pick], this.contacts[pick], 1 + n % 20, 8 + n % 10, n % 60, n);
	}

	private ScaleData.Country country() {
		return ScaleData.COUNTRIES.get(this.random.nextInt(ScaleData.COUNTRIES.size()));
	}

	private String type() {
		OrganizationType[] types = OrganizationType.values();
		return types[this.random.nextInt(types.length)].name();
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	/** What a person types without accents: the folded form of a name. */
	private static String fold(String text) {
		return String.join(" ", TextFolding.words(text));
	}

	private String prefix(String word) {
		String first = word.split(" ")[0];
		return first.length() <= 3 ? first
				: first.substring(0, 3 + this.random.nextInt(Math.min(3, first.length() - 2)));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
