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

}
