package org.outreachcrm.imports.reading;

import java.util.List;
import java.util.Set;

/**
 * One non-empty row of a sheet: its number as the user sees it in the file (1-based) and
 * the trimmed text of each cell, without trailing empty cells. Cells that held dates are
 * written as ISO dates ({@code yyyy-MM-dd}) and listed in {@link #dateColumns()}.
 *
 * @param number row number in the file, 1-based
 * @param cells cell texts by 0-based column index, never null, "" for empty cells
 * @param dateColumns 0-based indexes of cells that were date cells in the file
 */
public record SheetRow(int number, List<String> cells, Set<Integer> dateColumns) {

	public SheetRow {
		cells = List.copyOf(cells);
		dateColumns = Set.copyOf(dateColumns);
	}

	public SheetRow(int number, List<String> cells) {
		this(number, cells, Set.of());
	}

	/** The text of a cell, "" when the row is shorter. */
	public String cell(int column) {
		return column < this.cells.size() ? this.cells.get(column) : "";
	}

	/** Whether the cell was a date cell (its text is then an ISO date). */
	public boolean isDate(int column) {
		return this.dateColumns.contains(column);
	}

	public int size() {
		return this.cells.size();
	}

}
