package org.outreachcrm.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextFolding#key} and {@link TextFolding#words} share one word scan: the key is
 * always the words joined with single spaces, whatever the text holds (punctuation, white
 * space of every kind, words longer than a token, scripts other than Latin).
 */
class TextFoldingKeyWordsTest {

	private static final List<String> SAMPLES = List.of("", " ", ",.;", "Fundacja ABC, Sp.", "  fundacja\tabc\n sp ",
			"Asociația ŢĂRANILOR – Cluj-Napoca", "Łódź/Gdańsk; Kraków", "Straße Øresund Æble Đurđevac",
			"Москва, Россия", "北京 大学", "Ελληνικά-γλώσσα", "x".repeat(64), "y".repeat(65) + " z",
			"a" + "ą".repeat(70) + "!" + "b".repeat(130), "123-456 7890", "O'Brien & Sons (Ireland) Ltd.",
			"e-mail: anna@example.org", "\u00a0non\u2003breaking\u00a0", "tab\u000bvertical\u000cfeed");

	@Test
	void theKeyIsTheWordsJoinedWithSpaces() {
		for (String text : SAMPLES) {
			assertThat(TextFolding.key(text)).as(text).isEqualTo(String.join(" ", TextFolding.words(text)));
		}
	}

	@Test
	void theKeyIsTheWordsJoinedWithSpacesForRandomText() {
		String alphabet = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżșțăîâ ABC.,;-/\t\n 0123456789ßøЖжλ北";
		Random random = new Random(20261207);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(160);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			texts.add(text.toString());
		}
		for (String text : texts) {
			assertThat(TextFolding.key(text)).as(text).isEqualTo(String.join(" ", TextFolding.words(text)));
			assertThat(TextFolding.words(text)).as(text)
				.allMatch((word) -> !word.isEmpty() && word.length() <= 64
						&& word.chars().allMatch(Character::isLetterOrDigit));
		}
	}

}
