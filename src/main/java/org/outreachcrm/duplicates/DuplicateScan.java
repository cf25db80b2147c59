package org.outreachcrm.duplicates;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;

/**
 * A full scan's state: how many new pairs it has stored so far, and for a failed scan the
 * message key of what went wrong.
 */
public record DuplicateScan(long id, MergeKind kind, ScanStatus status, int pairsFound, @Nullable String messageKey) {
}
