package org.outreachcrm.imports;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cells a rejected row keeps for the rejection report fit their column whatever the
 * row held ({@code raw_cells}: 64 KB on MySQL, at worst 4 bytes a character).
 */
class StoredCellsTest {

	@Test
	void keepsShortCellsAsTheyAre() {
		assertThat(ImportRuns.storedCells(List.of("Fundacja Łódź", "", "anna@example.org")))
			.containsExactly("Fundacja Łódź", "", "anna@example.org");
	}

	@Test
	void shortensLongCellsAndStopsBeforeTheColumnIsFull() {
		List<String> stored = ImportRuns.storedCells(Collections.nCopies(50, "x".repeat(30_000)));
		assertThat(stored)
			.allSatisfy((cell) -> assertThat(cell).hasSize(ImportRuns.MAX_STORED_CELL).endsWith("\u2026"));
		int characters = stored.stream().mapToInt(String::length).sum() + 4 * stored.size();
		assertThat(characters).isLessThanOrEqualTo(ImportRuns.MAX_STORED_CELLS);
		assertThat(characters * 4).isLessThan(65_535);
		assertThat(stored).hasSizeGreaterThan(1);
	}

}
