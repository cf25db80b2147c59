package org.outreachcrm.imports.mapping;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachcrm.imports.mapping.ImportField.*;

class HeaderMatcherTest {

	private final HeaderMatcher matcher = new HeaderMatcher();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Nazwa organizacji         | ORGANIZATION_NAME
			Denumirea organizației    | ORGANIZATION_NAME
			Organization              | ORGANIZATION_NAME
			Organisation              | ORGANIZATION_NAME
			Imię                      | GIVEN_NAME
			Prenume                   | GIVEN_NAME
			First name                | GIVEN_NAME
			Nazwisko                  | FAMILY_NAME
			Nume                      | FAMILY_NAME
			Last name                 | FAMILY_NAME
			Kraj                      | COUNTRY
			Țara                      | COUNTRY
			Ţara                      | COUNTRY
			Country                   | COUNTRY
			Adres e-mail              | EMAIL
			E-mail                    | EMAIL
			Email                     | EMAIL
			Telefon                   | PHONE
			Phone                     | PHONE
			Stanowisko                | JOB_TITLE
			Funcție                   | JOB_TITLE
			Job title                 | JOB_TITLE
			Data zgody                | CONSENT_DATE
			Data consimțământului     | CONSENT_DATE
			Consent date              | CONSENT_DATE
			Miasto                    | CITY
			Oraș                      | CITY
			City                      | CITY
			Typ organizacji           | ORGANIZATION_TYPE
			Tip organizație           | ORGANIZATION_TYPE
			Organization type         | ORGANIZATION_TYPE
			Imię i nazwisko           | FULL_NAME
			Nume și prenume           | FULL_NAME
			Vorname                   | GIVEN_NAME
			Prénom                    | GIVEN_NAME
			Correo electrónico        | EMAIL
			""")
	void recognizesHeadersInSeveralLanguages(String header, ImportField field) {
		assertThat(this.matcher.match(header)).contains(field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			'  ADRES   E-MAIL: '   | EMAIL
			'first_name'           | GIVEN_NAME
			'E-mail (służbowy)'    | EMAIL
			'Telefon [komórkowy]'  | PHONE
			'TARA'                 | COUNTRY
			'Denumirea organizatiei*' | ORGANIZATION_NAME
			""")
	void ignoresCaseAccentsPunctuationSpacingAndNotes(String header, ImportField field) {
		assertThat(this.matcher.match(header)).contains(field);
	}

	@Test
	void ignoresUnknownHeaders() {
		assertThat(this.matcher.match("Lista partnerów 2026")).isEmpty();
		assertThat(this.matcher.match("")).isEmpty();
		assertThat(this.matcher.match("Kolumna 7")).isEmpty();
	}

	@Test
	void mapsEachFieldToTheFirstColumnNamingIt() {
		ColumnMapping mapping = this.matcher
			.map(List.of("Lp.", "Nazwa organizacji", "Imię", "Nazwisko", "E-mail", "Email", "Uwagi wewnętrzne"));
		assertThat(mapping.fieldsByColumn()).containsExactly(entry(1, ORGANIZATION_NAME), entry(2, GIVEN_NAME),
				entry(3, FAMILY_NAME), entry(4, EMAIL));
		assertThat(mapping.field(0)).isEmpty();
		assertThat(mapping.column(EMAIL)).hasValue(4);
	}

	@Test
	void everyFieldHasAliases() {
		for (ImportField field : ImportField.values()) {
			assertThat(AliasTable.load(HeaderMatcher.ALIASES, ImportField::valueOf)).containsValue(field);
		}
	}

	private static java.util.Map.Entry<Integer, ImportField> entry(int column, ImportField field) {
		return java.util.Map.entry(column, field);
	}

}
