package org.outreachcrm.imports.reading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Collects the cells of one row, which formats deliver sparsely, into a dense list, and
 * drops rows that hold nothing but blanks.
 */
final class RowAssembler {

	// Excel's own limit; beyond it a "row" is garbage, not data.
	static final int MAX_COLUMNS = 16_384;

	private final List<String> cells = new ArrayList<>();

	private final Set<Integer> dateColumns = new HashSet<>();

	void add(int column, String text, boolean date) {
		String cleaned = CellText.clean(text);
		if (cleaned.isEmpty() || column < 0 || column >= MAX_COLUMNS) {
			return;
		}
		while (this.cells.size() <= column) {
			this.cells.add("");
		}
		this.cells.set(column, cleaned);
		if (date) {
			this.dateColumns.add(column);
		}
	}

	/** The assembled row, or null if it was blank; the assembler is reset either way. */
	@Nullable SheetRow finish(int number) {
		SheetRow row = this.cells.isEmpty() ? null : new SheetRow(number, this.cells, this.dateColumns);
		this.cells.clear();
		this.dateColumns.clear();
		return row;
	}

}
