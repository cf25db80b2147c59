package org.outreachcrm.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTest {

	@Test
	void foldsRomanianDiacritics() {
		assertThat(TextFolding.fold("Științifică")).isEqualTo("stiintifica");
		assertThat(TextFolding.fold("Asociația ŢĂRANILOR")).isEqualTo("asociatia taranilor");
	}

	@Test
	void foldsPolishLettersThatDoNotDecompose() {
		assertThat(TextFolding.fold("Łódź")).isEqualTo("lodz");
		assertThat(TextFolding.fold("Związek Zawodowy Pracowników")).isEqualTo("zwiazek zawodowy pracownikow");
	}

	@Test
	void foldsOtherLatinSpecialLetters() {
		assertThat(TextFolding.fold("Straße Øresund Æble Đurđevac")).isEqualTo("strasse oresund aeble durdevac");
	}

	@Test
	void transliteratesNonLatinScriptsSoBothSidesMatch() {
		assertThat(TextFolding.fold("Москва")).isEqualTo("moskva");
		assertThat(TextFolding.words("北京 大学")).isNotEmpty().allMatch((w) -> w.chars().allMatch((c) -> c < 128));
		assertThat(TextFolding.words("Ελληνικά")).containsExactly("ellenika");
	}

	@Test
	void transliteratingWordByWordGivesWhatTheWholeTextWouldGive() {
		// the stored identity keys were made from whole texts: the memoized word-by-word
		// path must not change any of them
		com.ibm.icu.text.Transliterator whole = com.ibm.icu.text.Transliterator
			.getInstance("Any-Latin; Latin-ASCII; Lower");
		List<String> texts = List.of("Оксана Nazwisko5", "Organizacja 17 王小明", "Фонд «Добро» Київ",
				"Ελληνική Εταιρεία Σύμβουλος", "東京 大学 研究所", "서울 시민 연대", "جمعية الهلال الأحمر", "עמותת ידידים",
				"สมาคม ไทย", "Մարդ Երևան", "ქართული ფონდი", "Ἀθῆναι  Σοφία\tΛόγος", "Аліна  Ščerbakova-Петренко",
				"उत्तर प्रदेश संस्था", "Ålborg 王 Оксана 3", "ایران خانه");
		for (String text : texts) {
			String expected = whole.transliterate(
					java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{Mn}", ""));
			assertThat(TextFolding.fold(text)).as(text)
				.isEqualTo(expected.toLowerCase(java.util.Locale.ROOT).trim().replaceAll("\\s+", " "));
			// twice: the second answer comes from the memo
			assertThat(TextFolding.fold(text)).as(text)
				.isEqualTo(expected.toLowerCase(java.util.Locale.ROOT).trim().replaceAll("\\s+", " "));
		}
	}

	@Test
	void keyIgnoresCasePunctuationAndRepeatedSpaces() {
		assertThat(TextFolding.key("  Fundacja   ABC, Sp. z o.o. "))
			.isEqualTo(TextFolding.key("fundacja abc sp z o o"));
	}

	@Test
	void wordsSplitEmailsIntoSearchableParts() {
		assertThat(TextFolding.words("Anna.Kowalska@ngo-lodz.pl")).containsExactly("anna", "kowalska", "ngo", "lodz",
				"pl");
	}

	@Test
	void tokensSkipBlankTextsAndRepeats() {
		assertThat(TextFolding.tokens(List.of("Łódź", "", "lodz centrum"))).containsExactly("lodz", "centrum");
	}

	@Test
	void truncatesVeryLongWordsToTheIndexLength() {
		assertThat(TextFolding.words("a".repeat(100))).singleElement().satisfies((w) -> assertThat(w).hasSize(64));
	}

	@Test
	void keepsEmojiOutOfWords() {
		assertThat(TextFolding.words("Climate 🌍 Action")).containsExactly("climate", "action");
	}

	@Test
	void keyIsTheWordsJoinedBySpacesAndFoldKeepsItsWhiteSpaceRule() {
		// key and fold skip the list and the regex on their fast paths: stored keys must
		// not change
		for (String text : List.of("", "   ", "Fundacja ABC", " a\tb\n\nc  d ", "Żółć, Łódź; 'x'",
				"Științifică  Asociația", "Москва центр", "a".repeat(100) + " b", "x\u000By\fz", "Climate 🌍 Action",
				"a.b@c-d.pl")) {
			assertThat(TextFolding.key(text)).as(text).isEqualTo(String.join(" ", TextFolding.words(text)));
			assertThat(TextFolding.fold(text)).as(text)
				.isEqualTo(TextFolding.fold(text).replaceAll("\\s+", " "))
				.doesNotStartWith(" ")
				.doesNotEndWith(" ");
		}
		assertThat(TextFolding.fold(" A\t\tB  C\n")).isEqualTo("a b c");
	}

}
