package org.outreachcrm.imports.mapping;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.outreachcrm.imports.reading.SheetRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class ColumnMappingTest {

	private final ColumnMapping mapping = new HeaderMatcher().map(List.of("Name", "Email", "Data zgody", "Komentarz"));

	@Test
	void readsMappedValuesOfARow() {
		SheetRow row = new SheetRow(7, List.of("Anna Nowak", "anna@example.org", "2026-03-12"), Set.of(2));
		assertThat(this.mapping.values(row)).containsExactly(entry(ImportField.FULL_NAME, "Anna Nowak"),
				entry(ImportField.EMAIL, "anna@example.org"), entry(ImportField.CONSENT_DATE, "2026-03-12"));
		assertThat(this.mapping.value(row, ImportField.NOTES)).isEmpty();
		assertThat(this.mapping.isDate(row, ImportField.CONSENT_DATE)).isTrue();
	}

	@Test
	void buildsAMappingChosenByThePersonImporting() {
		ColumnMapping chosen = ColumnMapping.of(List.of("A", "B"), java.util.Map.of(1, ImportField.EMAIL));
		assertThat(chosen.column(ImportField.EMAIL)).hasValue(1);
		assertThatIllegalArgumentException().isThrownBy(() -> ColumnMapping.of(List.of("A", "B"),
				java.util.Map.of(0, ImportField.EMAIL, 1, ImportField.EMAIL)));
	}

	@Test
	void letsThePersonImportingOverrideTheMapping() {
		ColumnMapping changed = this.mapping.with(3, ImportField.EMAIL).ignoring(0).with(1, ImportField.NOTES);
		assertThat(changed.fieldsByColumn()).containsExactly(entry(1, ImportField.NOTES),
				entry(2, ImportField.CONSENT_DATE), entry(3, ImportField.EMAIL));
		assertThat(this.mapping.column(ImportField.EMAIL)).as("original unchanged").hasValue(1);
		assertThat(changed.headers()).containsExactly("Name", "Email", "Data zgody", "Komentarz");
	}

}
