package org.outreachcrm.imports;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetFormat;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The import step's reader: streams the data rows of a run's sheet (the rows below its
 * header row) as they are in the file, and nothing else; mapping is the processor's work.
 * Counts what it hands out in the step's execution context, so that a restarted job skips
 * the rows whose chunks were already committed.
 */
class SheetRowReader extends AbstractItemCountingItemStreamItemReader<SheetRow> {

	private final SpreadsheetOpener opener;

	private final Path file;

	private final String fileName;

	private final @Nullable SpreadsheetFormat format;

	private final String sheetName;

	private final int headerRow;

	private @Nullable SpreadsheetReader reader;

	private @Nullable SheetRows rows;

	/**
	 * @param format the format found when the run was planned (null: detect it again)
	 */
	SheetRowReader(SpreadsheetOpener opener, Path file, String fileName, @Nullable SpreadsheetFormat format,
			String sheetName, int headerRow) {
		this.opener = opener;
		this.file = file;
		this.fileName = fileName;
		this.format = format;
		this.sheetName = sheetName;
		this.headerRow = headerRow;
		// the execution-context key of the reader this one replaced, so that a run
		// interrupted before an upgrade resumes after its committed rows
		setName("partnerListReader");
	}

	@Override
	protected void doOpen() {
		this.reader = (this.format != null) ? this.opener.open(this.file, this.fileName, this.format)
				: this.opener.open(this.file, this.fileName);
		this.rows = this.reader.rows(this.sheetName);
	}

	@Override
	protected @Nullable SheetRow doRead() {
		SheetRows open = this.rows;
		while (open != null && open.hasNext()) {
			SheetRow row = open.next();
			if (row.number() > this.headerRow) {
				return row;
			}
		}
		return null;
	}

	@Override
	protected void doClose() {
		if (this.rows != null) {
			this.rows.close();
			this.rows = null;
		}
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

}
