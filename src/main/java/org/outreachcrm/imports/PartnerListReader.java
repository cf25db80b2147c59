package org.outreachcrm.imports;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.reading.PrefetchingRows;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of a run's sheet (below its header row). Counts what it hands
 * out, so that a restarted job skips the rows whose chunks were already committed.
 */
class PartnerListReader extends AbstractItemCountingItemStreamItemReader<SheetRow> {

	private final SpreadsheetOpener opener;

	private final Path file;

	private final String fileName;

	private final String sheetName;

	private final int headerRow;

	private final int readAhead;

	private @Nullable SpreadsheetReader reader;

	private @Nullable SheetRows rows;

	PartnerListReader(SpreadsheetOpener opener, Path file, String fileName, String sheetName, int headerRow,
			int readAhead) {
		this.opener = opener;
		this.file = file;
		this.fileName = fileName;
		this.sheetName = sheetName;
		this.headerRow = headerRow;
		this.readAhead = readAhead;
		setName("partnerListReader");
	}

	@Override
	protected void doOpen() {
		this.reader = this.opener.open(this.file, this.fileName);
		SheetRows sheet = this.reader.rows(this.sheetName);
		// parsing the file overlaps writing the previous rows
		this.rows = (this.readAhead > 0) ? new PrefetchingRows(sheet, this.readAhead) : sheet;
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
	protected void doClose() throws Exception {
		if (this.rows != null) {
			this.rows.close();
		}
		if (this.reader != null) {
			this.reader.close();
		}
	}

}
