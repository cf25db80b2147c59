package org.outreachcrm.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Folds text to a lower-case ASCII search form so that "Științifică" matches
 * "stiintifica", "Łódź" matches "lodz" and non-Latin scripts match their Latin
 * transliteration.
 *
 * <p>
 * The same function folds stored values and queries, so whatever it does to a script it
 * does on both sides. ASCII input takes a fast path; Latin text with diacritics is
 * decomposed and stripped; only other scripts go through ICU's transliterator, which is
 * the slow part: it is applied word by word (words are separated by ASCII white space,
 * which the transliterator keeps as it is), and the result of each word is remembered, so
 * a name that recurs in a list (a first name, a city) is transliterated once.
 */
public final class TextFolding {

	private static final int MAX_TOKEN_LENGTH = 64;

	private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	/** Enough for the distinct non-Latin words of a large import; cleared when full. */
	private static final int TRANSLITERATED_LIMIT = 100_000;

	private static final ConcurrentHashMap<String, String> TRANSLITERATED = new ConcurrentHashMap<>();

	private TextFolding() {
	}

	/**
	 * Lower-case ASCII form of {@code text}, with runs of white space folded to one
	 * space.
	 */
	public static String fold(String text) {
		String lower = toAscii(text).toLowerCase(Locale.ROOT).trim();
		// an import folds every name several times: skip the regex (a matcher per call)
		// when there is no run of white space to fold, which is nearly always
		return needsSpaceFolding(lower) ? WHITE_SPACE.matcher(lower).replaceAll(" ") : lower;
	}

	private static boolean needsSpaceFolding(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isAsciiSpace(c) && (c != ' ' || (i + 1 < text.length() && isAsciiSpace(text.charAt(i + 1))))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Identity key: folded, with punctuation removed, so "Fundacja ABC, Sp." and
	 * "fundacja abc sp" are the same name. The same as joining {@link #words} with spaces
	 * (one scan, {@link #scanWords}), without the list.
	 */
	public static String key(String text) {
		String folded = fold(text);
		StringBuilder key = new StringBuilder(folded.length());
		scanWords(folded, (start, end) -> {
			if (!key.isEmpty()) {
				key.append(' ');
			}
			key.append(folded, start, end);
		});
		return key.toString();
	}

	/**
	 * The folded alphanumeric words of {@code text}, in order, each at most 64
	 * characters.
	 */
	public static List<String> words(String text) {
		String folded = fold(text);
		List<String> words = new ArrayList<>();
		scanWords(folded, (start, end) -> words.add(folded.substring(start, end)));
		return words;
	}

	/**
	 * The one word scan behind {@link #key} and {@link #words}: each run of letters and
	 * digits of {@code folded}, cut to {@value #MAX_TOKEN_LENGTH} characters, in order.
	 */
	private static void scanWords(String folded, WordSink sink) {
		int start = -1;
		for (int i = 0; i <= folded.length(); i++) {
			boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				sink.word(start, Math.min(i, start + MAX_TOKEN_LENGTH));
				start = -1;
			}
		}
	}

	@FunctionalInterface
	private interface WordSink {

		void word(int start, int end);

	}

	/**
	 * Distinct search tokens of all the given texts (null and blank texts are ignored).
	 */
	public static Set<String> tokens(Iterable<? extends CharSequence> texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (CharSequence text : texts) {
			if (text != null && !text.isEmpty()) {
				tokens.addAll(words(text.toString()));
			}
		}
		return tokens;
	}

	private static String toAscii(String text) {
		if (isAscii(text)) {
			return text;
		}
		String stripped = stripLatinMarks(text);
		if (isAscii(stripped)) {
			return stripped;
		}
		StringBuilder out = new StringBuilder(stripped.length() + 16);
		int length = stripped.length();
		int start = 0;
		while (start < length) {
			int end = start;
			while (end < length && !isAsciiSpace(stripped.charAt(end))) {
				end++;
			}
			String word = stripped.substring(start, end);
			out.append(isAscii(word) ? word : transliterate(word));
			while (end < length && isAsciiSpace(stripped.charAt(end))) {
				out.append(stripped.charAt(end++));
			}
			start = end;
		}
		return out.toString();
	}

	private static String transliterate(String word) {
		String known = TRANSLITERATED.get(word);
		if (known != null) {
			return known;
		}
		String ascii = TO_ASCII.get().transliterate(word);
		if (TRANSLITERATED.size() >= TRANSLITERATED_LIMIT) {
			TRANSLITERATED.clear();
		}
		TRANSLITERATED.put(word, ascii);
		return ascii;
	}

	private static boolean isAsciiSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	private static String stripLatinMarks(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			out.append(switch (c) {
				case 'ł' -> "l";
				case 'Ł' -> "L";
				case 'ø' -> "o";
				case 'Ø' -> "O";
				case 'đ' -> "d";
				case 'Đ' -> "D";
				case 'ß' -> "ss";
				case 'æ' -> "ae";
				case 'Æ' -> "AE";
				case 'œ' -> "oe";
				case 'Œ' -> "OE";
				case 'ı' -> "i";
				case 'þ' -> "th";
				case 'ð' -> "d";
				default -> String.valueOf(c);
			});
		}
		return out.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

}
