package org.outreachcrm.duplicates.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * Names folded for comparison across scripts and spellings. A name written in Latin
 * letters folds to one lower-case ASCII form; a Cyrillic or Greek name folds to several,
 * because people romanize the same word differently: ICU's generic transliteration
 * ("Kiivska gromadska"), and the BGN/UNGEGN tables that passports and maps use ("Kyyivska
 * hromadska", "Elliniki"). Two names match when any of their forms do.
 * <p>
 * Each form is then split into words; apostrophes and quotes vanish (a Ukrainian soft
 * sign must not split a word), and each word also gets a {@link #skeleton} that maps the
 * usual romanization variants onto one spelling.
 */
public final class NameFolding {

	private static final String GENERIC = "Any-Latin; Latin-ASCII; Lower";

	static final List<String> CYRILLIC = List.of(GENERIC, "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
			"Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");

	static final List<String> GREEK = List.of(GENERIC, "Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII; Lower");

	private static final ConcurrentHashMap<String, ThreadLocal<Transliterator>> TRANSLITERATORS = new ConcurrentHashMap<>();

	/** Bounded memo of transliterated words (first names and common words recur). */
	private static final int MEMO_LIMIT = 200_000;

	private static final ConcurrentHashMap<String, String> MEMO = new ConcurrentHashMap<>();

	private NameFolding() {
	}

	/** The script family of a name, as far as folding cares. */
	public enum Script {

		LATIN, CYRILLIC, GREEK, OTHER

	}

	/** The main script of {@code text} (the first non-Latin letter decides). */
	public static Script script(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x250 || !Character.isLetter(c)) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (script == Character.UnicodeScript.CYRILLIC) {
				return Script.CYRILLIC;
			}
			if (script == Character.UnicodeScript.GREEK) {
				return Script.GREEK;
			}
			if (script != Character.UnicodeScript.LATIN) {
				return Script.OTHER;
			}
		}
		return Script.LATIN;
	}

	/**
	 * The folded word lists of {@code name}: one for Latin names, one per romanization
	 * for Cyrillic and Greek names (duplicates removed).
	 */
	public static List<List<String>> variants(String name) {
		String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
		List<String> ids = switch (script(text)) {
			case CYRILLIC -> CYRILLIC;
			case GREEK -> GREEK;
			default -> List.of(GENERIC);
		};
		Set<List<String>> variants = new LinkedHashSet<>();
		for (String id : ids) {
			variants.add(words(fold(text, id)));
		}
		return new ArrayList<>(variants);
	}

	/** Lower-case ASCII words of an already folded text; apostrophes join. */
	static List<String> words(String folded) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= folded.length(); i++) {
			char c = i < folded.length() ? folded.charAt(i) : ' ';
			if (c == '\'' || c == '`' || c == '"' || c == '\u02b9' || c == '\u02bc') {
				continue;
			}
			if (c < 128 && Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		return words;
	}

	private static String fold(String text, String id) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (String word : text.split("\\s+")) {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(foldWord(word, id));
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

	static String foldWord(String word, String id) {
		if (isAscii(word)) {
			// every chain ends in Latin-ASCII; Lower and leaves ASCII letters alone: the
			// transliterator would only lower-case it (most words of most lists)
			return word.toLowerCase(Locale.ROOT);
		}
		String memoKey = id.length() + ":" + id.hashCode() + ":" + word;
		String known = MEMO.get(memoKey);
		if (known != null) {
			return known;
		}
		String folded = TRANSLITERATORS
			.computeIfAbsent(id, (key) -> ThreadLocal.withInitial(() -> Transliterator.getInstance(key)))
			.get()
			.transliterate(word);
		if (MEMO.size() >= MEMO_LIMIT) {
			MEMO.clear();
		}
		MEMO.put(memoKey, folded);
		return folded;
	}

	private static boolean isAscii(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (word.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One spelling for the usual romanization and typing variants of a word: "sh", "sz",
	 * "ş" all become "s", "ts", "cz", "c" become "c", "y" and "j" become "i", "g" and "h"
	 * meet (Ukrainian "hromadska", Russian "gromadska"), doubled letters collapse, and
	 * "ia", "iu", "ie", "io" lose their "i" (Ya, Yu, Ye, Yo). Used only to compare words,
	 * never to show them.
	 */
	public static String skeleton(String word) {
		String s = word;
		s = s.replace("shch", "s").replace("szcz", "s").replace("sch", "s");
		s = s.replace("kh", "h").replace("ch", "c").replace("sh", "s").replace("sz", "s").replace("zh", "z");
		s = s.replace("cz", "c").replace("ts", "c").replace("tz", "c").replace("ph", "f").replace("th", "t");
		s = s.replace("ck", "k").replace('q', 'k').replace("x", "ks").replace('w', 'v').replace('y', 'i');
		s = s.replace('j', 'i').replace('g', 'h');
		s = s.replace("ae", "a").replace("oe", "o").replace("ue", "u");
		StringBuilder collapsed = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (collapsed.isEmpty() || collapsed.charAt(collapsed.length() - 1) != c) {
				collapsed.append(c);
			}
		}
		s = collapsed.toString();
		if (s.length() > 2) {
			s = s.replace("ia", "a").replace("iu", "u").replace("ie", "e").replace("io", "o");
		}
		return s;
	}

}
