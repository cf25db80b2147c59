package org.outreachcrm.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	@Test
	void normalizesNationalNumberWithTheCountryGiven() {
		assertThat(PhoneNumbers.normalize("0721 123 456", "RO")).isEqualTo("+40721123456");
		assertThat(PhoneNumbers.normalize("601 234 567", "PL")).isEqualTo("+48601234567");
	}

	@Test
	void normalizesInternationalNumberWithoutCountry() {
		assertThat(PhoneNumbers.normalize("+1 (202) 555-0143", null)).isEqualTo("+12025550143");
	}

	@Test
	void keepsWhatWasTypedWhenTheNumberCannotBeNormalized() {
		PhoneNumbers.Result result = PhoneNumbers.parse(" ext. 12 at the office ", "PL");
		assertThat(result.normalized()).isFalse();
		assertThat(result.value()).isEqualTo("ext. 12 at the office");
		assertThat(PhoneNumbers.normalize("0721 123 456", null)).isEqualTo("0721 123 456");
	}

}
