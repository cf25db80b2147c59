package org.outreachcrm.shared.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;

class IcuMessageSourceTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
		.withUserConfiguration(MessagesConfiguration.class)
		.withPropertyValues("spring.messages.basename=messages", "spring.messages.fallback-to-system-locale=false");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					en | home.cold.days             | 1 day without contact | 2 days without contact | 5 days without contact | 22 days without contact
					pl | home.cold.days             | 1 dzień bez kontaktu | 2 dni bez kontaktu | 5 dni bez kontaktu | 22 dni bez kontaktu
					ro | home.cold.days             | 1 zi fără contact | 2 zile fără contact | 5 zile fără contact | 22 de zile fără contact
					en | audit.count.rowsImported   | 1 row imported | 2 rows imported | 5 rows imported | 22 rows imported
					pl | audit.count.rowsImported   | 1 wiersz zaimportowany | 2 wiersze zaimportowane | 5 wierszy zaimportowanych | 22 wiersze zaimportowane
					ro | audit.count.rowsImported   | 1 rând importat | 2 rânduri importate | 5 rânduri importate | 22 de rânduri importate
					en | list.count                 | 1 found | 2 found | 5 found | 22 found
					pl | list.count                 | Znaleziono 1 wynik | Znaleziono 2 wyniki | Znaleziono 5 wyników | Znaleziono 22 wyniki
					ro | list.count                 | 1 rezultat | 2 rezultate | 5 rezultate | 22 de rezultate
					""")
	void everyBundleMessageCountsInThePluralFormOfItsLanguage(String language, String key, String one, String two,
			String five, String twentyTwo) {
		this.context.run((app) -> {
			MessageSource messages = app.getBean(MessageSource.class);
			Locale locale = Locale.forLanguageTag(language);
			assertThat(List.of(1, 2, 5, 22).stream().map((n) -> messages.getMessage(key, new Object[] { n }, locale)))
				.containsExactly(one, two, five, twentyTwo);
		});
	}

	@Test
	void countsAWholeNumberThatArrivesAsText() {
		this.context.run((app) -> {
			MessageSource messages = app.getBean(MessageSource.class);
			// Bean Validation's bounds reach the message as text, like ids
			assertThat(messages.getMessage("validation.reason.Size.textAtLeast", new Object[] { "12", "200" },
					Locale.forLanguageTag("pl")))
				.isEqualTo(messages.getMessage("validation.reason.Size.textAtLeast", new Object[] { 12, 200 },
						Locale.forLanguageTag("pl")))
				.contains("12");
			assertThat(messages.getMessage("home.cold.days", new Object[] { "22" }, Locale.forLanguageTag("ro")))
				.isEqualTo("22 de zile fără contact");
		});
	}

	@Test
	void replacesSpringBootsMessageSourceAndKeepsTheRestOfTheFormat() {
		this.context.run((app) -> {
			assertThat(app.getBean("messageSource")).isInstanceOf(IcuMessageSource.class);
			MessageSource messages = app.getBean(MessageSource.class);
			// a doubled apostrophe is one, as with the JDK's format
			assertThat(
					messages.getMessage("outreach.followUp.assigneeOutOfScope", new Object[] { "Ana" }, Locale.ENGLISH))
				.isEqualTo("Ana does not work with this organization's country; choose someone who does.");
			// arguments that are messages themselves are resolved first
			assertThat(messages.getMessage("validation.labelled",
					new Object[] { new DefaultMessageSourceResolvable("field.password"), "x" }, Locale.ENGLISH))
				.startsWith(messages.getMessage("field.password", null, Locale.ENGLISH) + ": ");
			// the JDK's choice format, which ICU knows too
			assertThat(
					messages.getMessage("reports.schedules.weekly", new Object[] { 1, "08:00", "UTC" }, Locale.ENGLISH))
				.isEqualTo("every Monday at 08:00, UTC");
			// zero items reads as a sentence, not a count
			assertThat(messages.getMessage("list.count", new Object[] { 0 }, Locale.forLanguageTag("pl")))
				.isEqualTo("Nic nie znaleziono");
		});
	}

}
