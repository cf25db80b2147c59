package org.outreachcrm.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.DirectoryRow;

/**
 * One spreadsheet row after mapping and normalization: usable (perhaps with warnings), or
 * rejected with reasons. The original cells travel along for the rejection report.
 */
record RowResult(long rowNumber, List<String> cells, @Nullable DirectoryRow row, List<Problem> warnings,
		List<Problem> rejections) {

	boolean rejected() {
		return !this.rejections.isEmpty();
	}

	/** A remark on one column of a row (column null: the row as a whole). */
	record Problem(@Nullable String column, ImportText text) {
	}

}
