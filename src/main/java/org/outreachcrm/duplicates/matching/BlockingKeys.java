package org.outreachcrm.duplicates.matching;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keys that put likely duplicates into the same small block, so that a scan compares
 * records within blocks instead of every record with every other one. A record gets a key
 * per meaningful name word (the first four letters of its skeleton, so endings and most
 * typos still meet; short names also by the last four), per website domain, e-mail and
 * phone. Every key starts with the country, because records in two countries are never
 * proposed.
 */
public final class BlockingKeys {

	/**
	 * Longest key; longer ones (a long e-mail) are cut, which only makes blocks larger.
	 */
	public static final int MAX_LENGTH = 190;

	private BlockingKeys() {
	}

	/** The blocking keys of {@code profile}. */
	public static Set<String> of(Profile profile) {
		String country = (profile.country() != null) ? profile.country() : "--";
		Set<String> keys = new LinkedHashSet<>();
		for (Profile.NameForm form : profile.forms()) {
			var words = form.core().isEmpty() ? form.all() : form.core();
			for (Token token : words) {
				String skeleton = token.skeleton();
				if (skeleton.length() < 2) {
					continue;
				}
				keys.add(cut("n" + country + ":" + skeleton.substring(0, Math.min(4, skeleton.length()))));
				if (words.size() <= 2 && skeleton.length() >= 6) {
					keys.add(cut("s" + country + ":" + skeleton.substring(skeleton.length() - 4)));
				}
			}
		}
		profile.domains().forEach((domain) -> keys.add(cut("w" + country + ":" + domain)));
		profile.emails().forEach((email) -> keys.add(cut("e" + country + ":" + email)));
		profile.phones().forEach((phone) -> keys.add(cut("p" + country + ":" + phone)));
		return keys;
	}

	private static String cut(String key) {
		return (key.length() <= MAX_LENGTH) ? key : key.substring(0, MAX_LENGTH);
	}

}
