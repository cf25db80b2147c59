package org.outreachcrm.imports;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.reading.ReadingLimits;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.shared.CountryScope;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerRowMapperTest {

	private static final List<String> HEADERS = List.of("Organizacja", "Typ", "Kraj", "E-mail", "Imię i nazwisko",
			"Telefon", "Język", "Tagi");

	private static final ColumnMapping MAPPING = ColumnMapping.of(HEADERS,
			Map.of(0, ImportField.ORGANIZATION_NAME, 1, ImportField.ORGANIZATION_TYPE, 2, ImportField.COUNTRY, 3,
					ImportField.EMAIL, 4, ImportField.FULL_NAME, 5, ImportField.PHONE, 6,
					ImportField.PREFERRED_LANGUAGE, 7, ImportField.TAGS));

	private final PartnerRowMapper mapper = new PartnerRowMapper(MAPPING, DateOrder.DAY_FIRST, "partnerzy.xlsx",
			CountryScope.everything(), ReadingLimits.DEFAULTS);

	@Test
	void mapsAndNormalizesEachMappedColumn() throws Exception {
		RowResult result = this.mapper.process(new SheetRow(7, List.of("  Fundacja Ziemia ", "NGO", "Polska",
				" Anna.Nowak@Ziemia.PL ", "Anna Nowak", "22 123 45 67", "polski", "klimat; edukacja")));

		assertThat(result.rejected()).isFalse();
		assertThat(result.rowNumber()).isEqualTo(7);
		DirectoryRow row = result.row();
		assertThat(row).isNotNull();
		assertThat(row.organizationName()).isEqualTo("Fundacja Ziemia");
		assertThat(row.organizationType()).isEqualTo(OrganizationType.NGO);
		assertThat(row.country()).isEqualTo("PL");
		assertThat(row.email()).isEqualTo("anna.nowak@ziemia.pl");
		assertThat(row.displayName()).isEqualTo("Anna Nowak");
		assertThat(row.phone()).isEqualTo("+48221234567");
		assertThat(row.preferredLanguage()).isEqualTo("pl");
		assertThat(row.tags()).containsExactly("klimat", "edukacja");
		// a usable row does not carry its cells: they are only for the rejection report
		assertThat(result.cells()).isEmpty();
	}

	@Test
	void rejectsARowWithAMalformedEmailAndKeepsItsCells() throws Exception {
		List<String> cells = List.of("Fundacja Ziemia", "", "PL", "anna.nowak(at)ziemia");
		RowResult result = this.mapper.process(new SheetRow(8, cells));

		assertThat(result.rejected()).isTrue();
		assertThat(result.row()).isNull();
		assertThat(result.cells()).isEqualTo(cells);
		assertThat(result.rejections()).extracting(RowResult.Problem::column).containsExactly("E-mail");
	}

	@Test
	void rejectsARowThatNamesNeitherAnOrganizationNorAPerson() throws Exception {
		RowResult result = this.mapper.process(new SheetRow(9, List.of("", "NGO", "PL")));

		assertThat(result.rejections()).extracting((problem) -> problem.text().code())
			.containsExactly(ImportText.Codes.NO_ORGANIZATION_NOR_PERSON);
	}

	@Test
	void aValueThatCannotBeNormalizedStaysInTheNotesWithAWarning() throws Exception {
		RowResult result = this.mapper
			.process(new SheetRow(10, List.of("Fundacja Ziemia", "", "PL", "", "Anna Nowak", "", "klingonski")));

		assertThat(result.rejected()).isFalse();
		assertThat(result.row().preferredLanguage()).isNull();
		assertThat(result.row().notes()).isEqualTo("Język: klingonski");
		assertThat(result.warnings()).extracting((problem) -> problem.text().code())
			.containsExactly(ImportText.Codes.UNKNOWN_LANGUAGE);
	}

	@Test
	void aUserLimitedToSomeCountriesGetsRowsOfOtherCountriesOrWithoutOneRejected() throws Exception {
		PartnerRowMapper scoped = new PartnerRowMapper(MAPPING, DateOrder.DAY_FIRST, "partnerzy.xlsx",
				CountryScope.of(Set.of("RO")), ReadingLimits.DEFAULTS);

		assertThat(scoped.process(new SheetRow(2, List.of("Asociația Verde", "", "România"))).rejected()).isFalse();
		assertThat(scoped.process(new SheetRow(3, List.of("Fundacja Ziemia", "", "PL"))).rejections())
			.extracting((problem) -> problem.text().code())
			.containsExactly(ImportText.Codes.COUNTRY_OUT_OF_SCOPE);
		assertThat(scoped.process(new SheetRow(4, List.of("Nowhere Ltd"))).rejections())
			.extracting((problem) -> problem.text().code())
			.containsExactly(ImportText.Codes.NO_COUNTRY_IN_SCOPE);
	}

	@Test
	void aRowWithACellLongerThanTheLimitIsRejectedNamingTheColumn() throws Exception {
		SheetRow overLong = new SheetRow(11, List.of("Fundacja Ziemia", "", "PL", "x".repeat(10)), Set.of(), Set.of(3),
				false);

		RowResult result = this.mapper.process(overLong);

		assertThat(result.rejected()).isTrue();
		assertThat(result.rejections()).extracting(RowResult.Problem::column).containsExactly("E-mail");
		assertThat(result.rejections()).extracting((problem) -> problem.text().code())
			.containsExactly(ImportText.Codes.CELL_TOO_LONG);
	}

}
