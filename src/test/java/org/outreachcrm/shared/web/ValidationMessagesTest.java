package org.outreachcrm.shared.web;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.testsupport.DatabaseTest;
import org.outreachcrm.testsupport.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation's messages come from the app's bundles by constraint type, so that
 * every {@code @Size} (present and future) reads as a sentence for people in their
 * language, not "size must be between 3 and 100".
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ValidationMessagesTest {

	@Autowired
	Validator validator;

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void constraintMessagesAreWrittenForPeopleInTheirLanguage() {
		NewUser tooShort = new NewUser("ab", "Long-enough-passw0rd", null, "not an address", Set.of(Role.STAFF), null);

		assertThat(messages(tooShort, "en")).containsExactlyInAnyOrder("Use 3 to 100 characters here.",
				"Enter an e-mail address such as name@example.org.");
		assertThat(messages(tooShort, "pl")).containsExactlyInAnyOrder("Wpisz od 3 do 100 znaków.",
				"Wpisz adres e-mail, np. imie@example.org.");
		assertThat(messages(tooShort, "ro")).containsExactlyInAnyOrder(
				"Numărul de caractere trebuie să fie între 3 și 100.",
				"Scrieți o adresă de e-mail, de exemplu nume@example.org.");
	}

	private java.util.List<String> messages(Object request, String language) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
		return this.validator.validate(request).stream().map(ConstraintViolation::getMessage).toList();
	}

}
