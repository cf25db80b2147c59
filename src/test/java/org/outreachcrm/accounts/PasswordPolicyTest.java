package org.outreachcrm.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outreachcrm.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The password rules, on their own. */
class PasswordPolicyTest {

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource({ "password1234, password.common", "123456789012, password.sequence", "qwertyuiopas, password.sequence",
			"Passw0rd1234!, password.common", "1987iloveyou!!, password.common", "football2024, password.common",
			"zyxwv-Garden-trail, password.sequence", "Lime-tree-7777-blue, password.repeated",
			"short-pass1, password.tooShort", "abab-abab-abab, password.tooSimple",
			"Margaret.Smith, password.sameAsUsername", "htimS.teragraM, password.sameAsUsername" })
	void refusesCommonAndGuessablePasswords(String password, String code) {
		BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
				() -> PasswordPolicy.check(password, "margaret.smith"));
		assertThat(refused).as(password).isNotNull();
		assertThat(refused.messageKey()).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0} is accepted")
	@CsvSource({ "Correct-horse-battery-9", "Right-Passw0rd-m1234abcd", "Temporary-Passw0rd-x", "wiosna w Gdańsku 1984",
			"Admin-Passw0rd-for-tests" })
	void acceptsLongUncommonPasswords(String password) {
		assertThatCode(() -> PasswordPolicy.check(password, "admin")).doesNotThrowAnyException();
	}

	@Test
	void generatedPasswordsMeetThePolicy() {
		for (int i = 0; i < 200; i++) {
			String generated = PasswordPolicy.generate();
			assertThatCode(() -> PasswordPolicy.check(generated, "admin")).as(generated).doesNotThrowAnyException();
		}
	}

	@Test
	void theBundledCommonPasswordListIsLoadedWhole() {
		assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThan(25_000);
	}

}
