package org.outreachcrm.directory;

import java.util.Map;

/**
 * Counts what a merge would move of one module's rows, for the merge page's summary:
 * implemented by each module that moves rows on {@link RecordsMerged}, so that the
 * directory names no other module.
 */
public interface MergeCounter {

	/**
	 * How many rows of each kind belong to the record that would be merged, keyed by the
	 * message key that words the count ({@code merge.moves.interactions}).
	 */
	Map<String, Long> counts(MergeKind kind, long mergedId);

}
