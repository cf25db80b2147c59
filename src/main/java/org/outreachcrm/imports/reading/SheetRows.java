package org.outreachcrm.imports.reading;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The non-empty rows of one sheet, read lazily. Close it to release the file; iteration
 * throws {@link SpreadsheetException} when the file turns out to be damaged part way.
 */
public interface SheetRows extends Iterator<SheetRow>, AutoCloseable {

	/** The name of the sheet being read. */
	String sheetName();

	@Override
	void close();

	/** The remaining rows as a stream that closes these rows when it is closed. */
	default Stream<SheetRow> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

}
