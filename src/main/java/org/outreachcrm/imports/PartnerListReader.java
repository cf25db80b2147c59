package org.outreachcrm.imports;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.reading.ReadAhead;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.imports.reading.SheetRows;
import org.outreachcrm.imports.reading.SpreadsheetOpener;
import org.outreachcrm.imports.reading.SpreadsheetReader;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of a run's sheet (below its header row), mapped and normalized.
 * Counts what it hands out, so that a restarted job skips the rows whose chunks were
 * already committed. With a read-ahead the sheet is parsed and its rows mapped on a
 * second thread while the step's thread writes.
 */
class PartnerListReader extends AbstractItemCountingItemStreamItemReader<RowResult> {

	private final SpreadsheetOpener opener;

	private final Path file;

	private final String fileName;

	private final String sheetName;

	private final int headerRow;

	private final int readAhead;

	private final Function<SheetRow, RowResult> mapper;

	private @Nullable SpreadsheetReader reader;

	private @Nullable SheetRows rows;

	private @Nullable Iterator<RowResult> results;

	PartnerListReader(SpreadsheetOpener opener, Path file, String fileName, String sheetName, int headerRow,
			int readAhead, Function<SheetRow, RowResult> mapper) {
		this.opener = opener;
		this.file = file;
		this.fileName = fileName;
		this.sheetName = sheetName;
		this.headerRow = headerRow;
		this.readAhead = readAhead;
		this.mapper = mapper;
		setName("partnerListReader");
	}

	@Override
	protected void doOpen() {
		this.reader = this.opener.open(this.file, this.fileName);
		SheetRows sheet = this.reader.rows(this.sheetName);
		this.rows = sheet;
		if (this.readAhead > 0) {
			// parsing the file and mapping its rows overlap writing the previous ones
			this.results = new ReadAhead<>(sheet, this::mapDataRow, this.readAhead);
		}
	}

	private @Nullable RowResult mapDataRow(SheetRow row) {
		return (row.number() > this.headerRow) ? this.mapper.apply(row) : null;
	}

	@Override
	protected @Nullable RowResult doRead() {
		Iterator<RowResult> ahead = this.results;
		if (ahead != null) {
			return ahead.hasNext() ? ahead.next() : null;
		}
		SheetRows open = this.rows;
		while (open != null && open.hasNext()) {
			RowResult result = mapDataRow(open.next());
			if (result != null) {
				return result;
			}
		}
		return null;
	}

	@Override
	protected void doClose() throws Exception {
		if (this.results instanceof AutoCloseable ahead) {
			// stops the reading thread, then closes the rows
			ahead.close();
		}
		else if (this.rows != null) {
			this.rows.close();
		}
		if (this.reader != null) {
			this.reader.close();
		}
	}

}
