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
 * @param overLongColumns 0-based indexes of cells longer than the reading limit allows:
 * their text is only the start of the cell (see {@link ReadingLimits#maxCellChars()}), or
 * the row went past {@link ReadingLimits#maxRowChars()} there
 * @param cut whether the row was longer than {@link ReadingLimits#maxRowChars()} and its
 * end was skipped
 */
public record SheetRow(int number, List<String> cells, Set<Integer> dateColumns, Set<Integer> overLongColumns,
		boolean cut) {

	public SheetRow {
		cells = List.copyOf(cells);
		dateColumns = Set.copyOf(dateColumns);
		overLongColumns = Set.copyOf(overLongColumns);
	}

	public SheetRow(int number, List<String> cells, Set<Integer> dateColumns) {
		this(number, cells, dateColumns, Set.of(), false);
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

	/** Whether some cell was too long to read, or the row itself. */
	public boolean overLong() {
		return this.cut || !this.overLongColumns.isEmpty();
	}

	public int size() {
		return this.cells.size();
	}

}
