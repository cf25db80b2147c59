package org.outreachcrm.imports.mapping;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachcrm.imports.mapping.NormalizedValue.Flagged;
import org.outreachcrm.imports.mapping.NormalizedValue.Rejected;
import org.outreachcrm.imports.mapping.NormalizedValue.Valid;
import org.outreachcrm.imports.testdata.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizersTest {

	private static final CountryNormalizer countries = new CountryNormalizer();

	private final OrganizationTypeNormalizer types = new OrganizationTypeNormalizer();

	private final PhoneNormalizer phones = new PhoneNormalizer();

	private final EmailNormalizer emails = new EmailNormalizer();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			PL                   | PL
			pol                  | PL
			Poland               | PL
			Polska               | PL
			Polonia              | PL
			'  polska '          | PL
			România              | RO
			Romania              | RO
			Rumunia              | RO
			Republica Moldova    | MD
			Moldova              | MD
			USA                  | US
			Stany Zjednoczone    | US
			United States        | US
			UK                   | GB
			Great Britain        | GB
			Wielka Brytania      | GB
			Deutschland          | DE
			Niemcy               | DE
			Allemagne            | DE
			Україна              | UA
			Ελλάδα               | GR
			Côte d’Ivoire        | CI
			Czech Republic       | CZ
			ポーランド            | PL
			Polandia             | PL
			""")
	void readsCountryNamesAndCodes(String text, String code) {
		assertThat(countries.normalize(text)).isEqualTo(new Valid(code));
	}

	@Test
	void warnsAboutUnknownCountries() {
		NormalizedValue result = countries.normalize("Ruritania");
		assertThat(result).isInstanceOf(Flagged.class);
		assertThat(result.value()).isEmpty();
		assertThat(Bundles.english(result.notice().orElseThrow()))
			.isEqualTo("\"Ruritania\" is not a country name or code we know, so the country was left empty.");
		assertThat(countries.normalize("  ")).isEqualTo(new Valid(""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Fundacja                         | FOUNDATION
			Fundație                         | FOUNDATION
			Foundation                       | FOUNDATION
			Związek zawodowy                 | TRADE_UNION
			Sindicat                         | TRADE_UNION
			Trade union                      | TRADE_UNION
			Uczelnia                         | ACADEMIA
			Universitate                     | ACADEMIA
			University                       | ACADEMIA
			Uniwersytet Warszawski           | ACADEMIA
			Organizacja pozarządowa          | NGO
			ONG                              | NGO
			NGO                              | NGO
			Stowarzyszenie                   | NGO
			Stowarzyszenie zawodowe          | PROFESSIONAL_ASSOCIATION
			Media                            | MEDIA
			Agencja prasowa                  | MEDIA
			Ministerstwo Edukacji            | GOVERNMENT
			Primărie                         | GOVERNMENT
			Organizacja międzyrządowa        | INTERGOVERNMENTAL
			Grup informal                    | COMMUNITY_GROUP
			Ruch społeczny                   | SOCIAL_MOVEMENT
			Inne                             | OTHER
			""")
	void readsOrganizationTypes(String text, OrganizationTypeCode code) {
		assertThat(this.types.normalize(text)).isEqualTo(new Valid(code.name()));
	}

	@Test
	void setsUnknownOrganizationTypesToOtherWithAWarning() {
		NormalizedValue result = this.types.normalize("Klub szachowy");
		assertThat(result).isInstanceOf(Flagged.class);
		assertThat(result.value()).isEqualTo("OTHER");
		assertThat(result.notice().orElseThrow().message()).isEqualTo(MappingMessage.UNKNOWN_ORGANIZATION_TYPE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			601 234 567          | PL | +48601234567
			+48 601-234-567      | PL | +48601234567
			0048 601 234 567     | PL | +48601234567
			48601234567          | PL | +48601234567
			48601234567          |    | +48601234567
			0721 234 567         | RO | +40721234567
			+40 (721) 234 567    |    | +40721234567
			(202) 555-0143       | US | +12025550143
			""")
	void writesPhoneNumbersInE164UsingTheRowsCountry(String text, String country, String e164) {
		assertThat(this.phones.normalize(text, country)).isEqualTo(new Valid(e164));
	}

	@Test
	void keepsUnreadablePhoneNumbersAsTypedWithAWarning() {
		NormalizedValue unreadable = this.phones.normalize("ask at reception", "PL");
		assertThat(unreadable).isInstanceOf(Flagged.class);
		assertThat(unreadable.value()).isEqualTo("ask at reception");
		assertThat(unreadable.notice().orElseThrow().message()).isEqualTo(MappingMessage.UNREADABLE_PHONE);

		NormalizedValue invalid = this.phones.normalize("123", "PL");
		assertThat(invalid.value()).isEqualTo("123");
		assertThat(Bundles.english(invalid.notice().orElseThrow()))
			.isEqualTo("\"123\" is not a valid phone number for PL, so it was kept as typed.");
		assertThat(this.phones.normalize("601 234 567", null)).isInstanceOf(Flagged.class);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			'  Anna.Nowak@Example.ORG '      | anna.nowak@example.org
			mailto:ion@example.ro           | ion@example.ro
			<jan+crm@poczta.pl>             | jan+crm@poczta.pl
			maria@uniwersytet.edu.pl        | maria@uniwersytet.edu.pl
			""")
	void trimsAndLowerCasesEmailAddresses(String text, String address) {
		assertThat(this.emails.normalize(text)).isEqualTo(new Valid(address));
	}

	@ParameterizedTest
	@ValueSource(strings = { "anna.nowak", "anna@", "@example.org", "anna@example", "anna nowak@example.org",
			"anna@@example.org", "anna@example..org", ".anna@example.org", "anna@-example.org" })
	void rejectsMalformedEmailAddresses(String text) {
		NormalizedValue result = this.emails.normalize(text);
		assertThat(result).isInstanceOf(Rejected.class);
		assertThat(Bundles.english(result.notice().orElseThrow()))
			.isEqualTo("\"" + text + "\" is not a valid e-mail address.");
	}

	@Test
	void keepsTheFirstOfSeveralEmailAddressesWithAWarning() {
		NormalizedValue result = this.emails.normalize("anna@example.org; biuro@example.org");
		assertThat(result.value()).isEqualTo("anna@example.org");
		assertThat(result.notice().orElseThrow().message()).isEqualTo(MappingMessage.SEVERAL_EMAILS);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12.03.2026          | DAY_FIRST   | 2026-03-12
			2026-03-12          | DAY_FIRST   | 2026-03-12
			2026-03-12 14:30    | MONTH_FIRST | 2026-03-12
			12-03-2026          | DAY_FIRST   | 2026-03-12
			1.3.2026            | DAY_FIRST   | 2026-03-01
			12/03/2026          | DAY_FIRST   | 2026-03-12
			03/12/2026          | MONTH_FIRST | 2026-03-12
			2026/3/12           | DAY_FIRST   | 2026-03-12
			""")
	void readsTextDates(String text, DateOrder order, String iso) {
		assertThat(new DateNormalizer(order).normalize(text, false)).isEqualTo(new Valid(iso));
	}

	@Test
	void readsDateCellsAsTheReaderWroteThem() {
		assertThat(new DateNormalizer(DateOrder.DAY_FIRST).normalize("2026-03-12", true))
			.isEqualTo(new Valid("2026-03-12"));
		assertThat(new DateNormalizer(DateOrder.DAY_FIRST).normalize("2026-03-12 09:15", true))
			.isEqualTo(new Valid("2026-03-12"));
	}

	@Test
	void readsAnImpossibleStatedOrderTheOtherWayWithAWarning() {
		NormalizedValue result = new DateNormalizer(DateOrder.MONTH_FIRST).normalize("25/03/2026", false);
		assertThat(result.value()).isEqualTo("2026-03-25");
		assertThat(result.notice().orElseThrow().message()).isEqualTo(MappingMessage.DATE_READ_DAY_FIRST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wczoraj", "31.02.2026", "12.03.26", "2026-13-01", "12/03", "45/45/2026" })
	void keepsUnreadableDatesAsTypedWithAWarning(String text) {
		NormalizedValue result = new DateNormalizer(DateOrder.DAY_FIRST).normalize(text, false);
		assertThat(result).isInstanceOf(Flagged.class);
		assertThat(result.value()).isEqualTo(text);
		assertThat(result.notice().orElseThrow().message()).isEqualTo(MappingMessage.UNREADABLE_DATE);
	}

	@Test
	void takesTheDateOrderFromTheLocale() {
		assertThat(DateOrder.of(Locale.US)).isEqualTo(DateOrder.MONTH_FIRST);
		assertThat(DateOrder.of(Locale.UK)).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of(Locale.forLanguageTag("pl-PL"))).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of(Locale.forLanguageTag("ro-RO"))).isEqualTo(DateOrder.DAY_FIRST);
	}

}
