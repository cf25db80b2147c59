package org.outreachcrm.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormatsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | 7 Dec 2026
			pl | 7 gru 2026
			ro | 7 dec. 2026
			""")
	void showsADayAsTheLanguagesMediumDate(String language, String expected) {
		assertThat(DateFormats.date(LocalDate.of(2026, 12, 7), Locale.forLanguageTag(language))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | 7 Dec 2026, 14:05
			pl | 7 gru 2026, 14:05
			ro | 7 dec. 2026, 14:05
			""")
	void showsTheTimeOnTwentyFourHours(String language, String expected) {
		assertThat(DateFormats.dateTime(LocalDateTime.of(2026, 12, 7, 14, 5), Locale.forLanguageTag(language)))
			.isEqualTo(expected);
	}

	/**
	 * Unambiguous: the month is a word and the day a number, so 7 December never reads as
	 * 12 July; and no two months of a year read the same.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "pl", "ro" })
	void namesTheMonthSoNoDayReadsAsAnother(String language) {
		Locale locale = Locale.forLanguageTag(language);
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (Month month : Month.values()) {
			String text = DateFormats.date(LocalDate.of(2026, month, 7), locale);
			assertThat(text).matches("7 \\p{L}+\\.? 2026");
			assertThat(seen.add(text)).as("%s is shown once", text).isTrue();
		}
	}

}
