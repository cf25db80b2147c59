package org.outreachcrm.imports.reading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Collects the cells of one row, which formats deliver sparsely, into a dense list, and
 * drops rows that hold nothing but blanks. A cell longer than the limit keeps only its
 * start (enough to recognize it in the rejection report) and is marked over-long, so that
 * its row is rejected without carrying the whole text along.
 */
final class RowAssembler {

	// Excel's own limit; beyond it a "row" is garbage, not data.
	static final int MAX_COLUMNS = 16_384;

	/** What an over-long cell keeps of its text. */
	static final int OVER_LONG_KEPT = 100;

	private final int maxCellChars;

	private final List<String> cells = new ArrayList<>();

	private final Set<Integer> dateColumns = new HashSet<>();

	private final Set<Integer> overLongColumns = new HashSet<>();

	private boolean cut;

	RowAssembler(int maxCellChars) {
		this.maxCellChars = maxCellChars;
	}

	void add(int column, String text, boolean date) {
		if (column < 0 || column >= MAX_COLUMNS) {
			return;
		}
		String cleaned = CellText.clean(text);
		if (cleaned.isEmpty()) {
			return;
		}
		if (cleaned.length() > this.maxCellChars) {
			cleaned = cleaned.substring(0, Math.min(OVER_LONG_KEPT, this.maxCellChars)) + "\u2026";
			this.overLongColumns.add(column);
		}
		while (this.cells.size() <= column) {
			this.cells.add("");
		}
		this.cells.set(column, cleaned);
		if (date) {
			this.dateColumns.add(column);
		}
	}

	/**
	 * Marks a cell as longer than a cell may be when the reader itself stopped reading it
	 * (its text is then only the start of it).
	 */
	void overLong(int column) {
		if (column < 0 || column >= MAX_COLUMNS) {
			return;
		}
		this.overLongColumns.add(column);
		while (this.cells.size() <= column) {
			this.cells.add("");
		}
		String text = this.cells.get(column);
		if (!text.endsWith("\u2026")) {
			this.cells.set(column, text.substring(0, Math.min(text.length(), OVER_LONG_KEPT)) + "\u2026");
		}
	}

	/** Marks the row as longer than a row may be: its end was skipped while reading. */
	void cut() {
		this.cut = true;
	}

	/** The assembled row, or null if it was blank; the assembler is reset either way. */
	@Nullable SheetRow finish(int number) {
		SheetRow row = (this.cells.isEmpty() && !this.cut) ? null
				: new SheetRow(number, this.cells, this.dateColumns, this.overLongColumns, this.cut);
		this.cells.clear();
		this.dateColumns.clear();
		this.overLongColumns.clear();
		this.cut = false;
		return row;
	}

}
