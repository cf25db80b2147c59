package org.outreachcrm.duplicates.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys that put likely duplicates into the same small block, so that a scan compares
 * records within blocks instead of every record with every other one.
 * <p>
 * A pair is proposed on names only when <em>every</em> meaningful word of one name finds
 * its partner in the other, so the keys describe the whole name, not single words (a key
 * per word made blocks of every record with a common word such as "Centrum"): the sorted
 * first four letters of each word's skeleton ({@code n}: catches another word order,
 * accents, a dropped legal form, another romanization and typos after the fourth letter),
 * the sorted first two letters ({@code t}: typos in the third and fourth letter) and, for
 * people, each word's first four letters with the initials of the others ({@code i}: "A.
 * Kowalczyk" meets "Agnieszka Kowalczyk"). Names that only contain one another need a
 * shared website, e-mail or phone, and meet through those keys. Numbers are kept whole:
 * "Koło 2" and "Koło 3" never share a name key.
 * <p>
 * Every key starts with the country, because records in two countries are never proposed.
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
			List<Token> words = form.core().isEmpty() ? form.all() : form.core();
			List<String> skeletons = new ArrayList<>(words.size());
			for (Token token : words) {
				if (!token.skeleton().isEmpty()) {
					skeletons.add(token.hasDigit() ? token.word() : token.skeleton());
				}
			}
			if (skeletons.isEmpty()) {
				continue;
			}
			keys.add(cut("n" + country + ":" + signature(skeletons, 4, -1)));
			if (skeletons.size() >= 2) {
				keys.add(cut("t" + country + ":" + signature(skeletons, 2, -1)));
				keys.add(cut("c" + country + ":" + signature(consonants(skeletons), 3, -1)));
			}
			if (profile.person() && skeletons.size() >= 2) {
				for (int i = 0; i < skeletons.size(); i++) {
					keys.add(cut("i" + country + ":" + prefix(skeletons.get(i), 4) + "/" + signature(skeletons, 1, i)));
				}
			}
		}
		profile.domains().forEach((domain) -> keys.add(cut("w" + country + ":" + domain)));
		profile.emails().forEach((email) -> keys.add(cut("e" + country + ":" + email)));
		profile.phones().forEach((phone) -> keys.add(cut("p" + country + ":" + phone)));
		return keys;
	}

	/**
	 * The sorted prefixes of {@code length} letters of the words, without the word at
	 * {@code except}; numbers whole.
	 */
	private static String signature(List<String> words, int length, int except) {
		List<String> prefixes = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			if (i != except) {
				prefixes.add(prefix(words.get(i), length));
			}
		}
		prefixes.sort(null);
		return String.join("+", prefixes);
	}

	/**
	 * The words without their vowels, after the first letter: romanizations disagree most
	 * on vowels (Bulgarian "ъ" is "a" or nothing: "Balgarski", "Blgarski").
	 */
	private static List<String> consonants(List<String> words) {
		List<String> consonants = new ArrayList<>(words.size());
		for (String word : words) {
			if (word.isEmpty() || Character.isDigit(word.charAt(0))) {
				consonants.add(word);
				continue;
			}
			StringBuilder kept = new StringBuilder(word.length());
			kept.append(word.charAt(0));
			for (int i = 1; i < word.length(); i++) {
				char c = word.charAt(i);
				if ("aeiou".indexOf(c) < 0) {
					kept.append(c);
				}
			}
			consonants.add(kept.toString());
		}
		return consonants;
	}

	private static String prefix(String word, int length) {
		if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
			return word;
		}
		return word.substring(0, Math.min(length, word.length()));
	}

	/**
	 * The key as stored: a 64-bit hash of its text (FNV-1a over its UTF-16 units, then
	 * MurmurHash3's finalizer to spread the bits). Stored hashes outlive a release, so
	 * this function never changes without a migration that drops the stored keys. Never
	 * {@link Long#MIN_VALUE}, so a walk along the hashes can start after it.
	 */
	public static long hash(String key) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (h == Long.MIN_VALUE) ? Long.MAX_VALUE : h;
	}

	private static String cut(String key) {
		return (key.length() <= MAX_LENGTH) ? key : key.substring(0, MAX_LENGTH);
	}

}
