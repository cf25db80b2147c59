package org.outreachcrm.directory;

/**
 * One directory record was merged into another. Published inside the merging transaction
 * after everything of the merged record has moved, so that listeners (the duplicate
 * review queue closes the pairs it held for the merged record) commit or roll back with
 * it.
 *
 * @param mergeId the merge, which {@link MergeUndone} names again if it is undone
 * @param keptId the record that stays and now holds everything
 * @param mergedId the record that no longer appears (its id answers with where it went)
 */
public record RecordsMerged(long mergeId, MergeKind kind, long keptId, long mergedId) {
}
