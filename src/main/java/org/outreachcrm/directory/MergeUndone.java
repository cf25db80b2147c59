package org.outreachcrm.directory;

/**
 * A merge was undone: the merged record is back with what came from it. Published inside
 * the undoing transaction.
 *
 * @param mergeId the merge that {@link RecordsMerged} announced
 * @param keptId the record that had been kept
 * @param restoredId the record that had been merged and is visible again
 */
public record MergeUndone(long mergeId, MergeKind kind, long keptId, long restoredId) {
}
