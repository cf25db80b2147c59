package org.outreachcrm.imports.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.imports.reading.ReadingMessage;
import org.outreachcrm.imports.reading.SpreadsheetException;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;
import org.outreachcrm.imports.testdata.Bundles;
import org.outreachcrm.imports.testdata.PartnerListFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderRowFinderTest {

	@TempDir
	Path dir;

	private final HeaderRowFinder finder = new HeaderRowFinder(new HeaderMatcher());

	private final SpreadsheetOpener opener = new SpreadsheetOpener();

	@Test
	void findsThePolishHeaderBelowATitleOnTheSecondSheet() throws IOException {
		try (SpreadsheetReader reader = this.opener.open(PartnerListFiles.xlsx(this.dir))) {
			HeaderLocation header = this.finder.find(reader);
			assertThat(header.sheetIndex()).isEqualTo(1);
			assertThat(header.sheetName()).isEqualTo("Partnerzy");
			assertThat(header.rowNumber()).isEqualTo(3);
			assertThat(header.mapping().fieldsByColumn()).containsValues(ImportField.ORGANIZATION_NAME,
					ImportField.GIVEN_NAME, ImportField.FAMILY_NAME, ImportField.PHONE, ImportField.CONSENT_DATE,
					ImportField.COUNTRY, ImportField.POSTAL_CODE);
		}
	}

	@Test
	void findsARomanianHeaderInCsv() throws IOException {
		Path file = Files.writeString(this.dir.resolve("parteneri.csv"), """
				Lista partenerilor;;
				;;
				Denumirea organizației;Prenume;Nume;Țara;Adresa de e-mail
				Asociația Română;Ion;Popescu;România;ion@example.ro
				""", StandardCharsets.UTF_8);
		try (SpreadsheetReader reader = this.opener.open(file)) {
			HeaderLocation header = this.finder.find(reader);
			assertThat(header.rowNumber()).isEqualTo(3);
			assertThat(header.score()).isEqualTo(5);
		}
	}

	@Test
	void findsAnEnglishHeaderAndMapsItsColumns() throws IOException {
		Path file = Files.writeString(this.dir.resolve("partners.csv"), """
				Organisation,First Name,Last Name,E-mail,Job Title,City,Country,Consent Date,Favourite colour
				Teachers Union,Mary,Smith,mary@example.org,Secretary,Leeds,UK,2026-03-12,blue
				""", StandardCharsets.UTF_8);
		try (SpreadsheetReader reader = this.opener.open(file)) {
			HeaderLocation header = this.finder.find(reader);
			assertThat(header.rowNumber()).isEqualTo(1);
			assertThat(header.mapping().fieldsByColumn().values()).containsExactly(ImportField.ORGANIZATION_NAME,
					ImportField.GIVEN_NAME, ImportField.FAMILY_NAME, ImportField.EMAIL, ImportField.JOB_TITLE,
					ImportField.CITY, ImportField.COUNTRY, ImportField.CONSENT_DATE);
			assertThat(header.mapping().field(8)).isEmpty();
		}
	}

	@Test
	void findsTheHeaderOfTheSheetThePersonChose() throws IOException {
		try (SpreadsheetReader reader = this.opener.open(PartnerListFiles.ods(this.dir))) {
			assertThat(this.finder.find(reader, 1).rowNumber()).isEqualTo(3);
			assertThatThrownBy(() -> this.finder.find(reader, 0)).isInstanceOfSatisfying(SpreadsheetException.class,
					ex -> {
						assertThat(ex.reason()).isEqualTo(ReadingMessage.NO_HEADER_ROW);
						assertThat(Bundles.english(ex))
							.startsWith("Sheet \"Notatki\" of \"partners.ods\" has no header row with known columns.");
					});
		}
	}

	@Test
	void failsClearlyWhenNoSheetHasKnownColumns() throws IOException {
		Path file = Files.writeString(this.dir.resolve("numbers.csv"), "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);
		try (SpreadsheetReader reader = this.opener.open(file)) {
			assertThatThrownBy(() -> this.finder.find(reader)).isInstanceOfSatisfying(SpreadsheetException.class,
					(ex) -> assertThat(Bundles.english(ex))
						.startsWith("Sheet \"numbers\" of \"numbers.csv\" has no header row with known columns."));
		}
	}

}
