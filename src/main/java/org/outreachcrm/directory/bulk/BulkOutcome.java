package org.outreachcrm.directory.bulk;

import java.util.List;

/**
 * What a bulk write did (or, in a dry run, would do) with one chunk of rows.
 *
 * @param changes every created record and changed field, for undo (empty in a dry run)
 * @param skippedRows rows that matched nothing in update-only mode
 */
public record BulkOutcome(int organizationsCreated, int organizationsUpdated, int contactsCreated, int contactsUpdated,
		int affiliationsCreated, List<RecordChange> changes, List<Long> skippedRows) {

}
