package org.outreachcrm.duplicates.matching;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ASCII fast path of {@link NameFolding}: a word of ASCII characters folds exactly as
 * each of ICU's chains would fold it (the words compared are the same), so skipping the
 * transliterator changes no key.
 */
class NameFoldingTest {

	@Test
	void asciiWordsFoldAsEveryTransliteratorChainWould() {
		Set<String> ids = new LinkedHashSet<>();
		ids.addAll(NameFolding.CYRILLIC);
		ids.addAll(NameFolding.GREEK);
		Random random = new Random(7);
		Set<String> words = new LinkedHashSet<>();
		for (char c = 33; c < 127; c++) {
			words.add(String.valueOf(c));
		}
		words.add("Kowalski");
		words.add("O'Brien");
		words.add("UNICEF-2030");
		for (int n = 0; n < 2000; n++) {
			StringBuilder word = new StringBuilder();
			for (int i = 1 + random.nextInt(12); i > 0; i--) {
				word.append((char) (33 + random.nextInt(94)));
			}
			words.add(word.toString());
		}
		for (String id : ids) {
			Transliterator icu = Transliterator.getInstance(id);
			for (String word : words) {
				assertThat(NameFolding.words(NameFolding.foldWord(word, id))).as("%s through %s", word, id)
					.isEqualTo(NameFolding.words(icu.transliterate(word)));
			}
		}
	}

	@Test
	void otherWordsStillGoThroughTheTransliterator() {
		assertThat(NameFolding.foldWord("Київська", NameFolding.CYRILLIC.get(1))).isEqualTo("kyyivs'ka");
		assertThat(NameFolding.foldWord("Łódź", NameFolding.GREEK.get(0))).isEqualTo("lodz");
	}

}
