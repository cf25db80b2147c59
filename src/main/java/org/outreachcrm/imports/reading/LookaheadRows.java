package org.outreachcrm.imports.reading;

import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * Turns "read the next non-blank row or null" into an iterator, so that each format only
 * writes that one method.
 */
abstract class LookaheadRows implements SheetRows {

	private final String sheetName;

	private @Nullable SheetRow next;

	private boolean finished;

	LookaheadRows(String sheetName) {
		this.sheetName = sheetName;
	}

	/** The next non-blank row, or null at the end of the sheet. */
	protected abstract @Nullable SheetRow readNext();

	@Override
	public String sheetName() {
		return this.sheetName;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.finished) {
			this.next = readNext();
			this.finished = this.next == null;
		}
		return this.next != null;
	}

	@Override
	public SheetRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		SheetRow row = this.next;
		this.next = null;
		return row;
	}

}
