package org.outreachcrm.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiLanguageTest {

	@Test
	void choosesTheBestLanguageWeHaveAndEnglishOtherwise() {
		assertThat(ApiLanguage.of("pl-PL,pl;q=0.9,en;q=0.5")).isEqualTo(new Locale("pl"));
		assertThat(ApiLanguage.of("de-DE,de;q=0.9,ro;q=0.4")).isEqualTo(new Locale("ro"));
		assertThat(ApiLanguage.of("de-DE,fr;q=0.8")).isEqualTo(Locale.ENGLISH);
		assertThat(ApiLanguage.of("*")).isEqualTo(Locale.ENGLISH);
		assertThat(ApiLanguage.of("pl;q=nonsense")).as("malformed").isEqualTo(Locale.ENGLISH);
		assertThat(ApiLanguage.of(null)).isEqualTo(Locale.ENGLISH);
	}

}
