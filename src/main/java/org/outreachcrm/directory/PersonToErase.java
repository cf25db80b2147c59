package org.outreachcrm.directory;

import org.jspecify.annotations.Nullable;

/**
 * Whom an erasure of a contact id would reach, for its confirmation page.
 *
 * @param displayName the name now, or the last one the history recorded for a deleted
 * person (none when their deletion was recorded without values)
 * @param deleted the record was deleted earlier and is known only from its history
 */
public record PersonToErase(long id, @Nullable String displayName, boolean deleted) {
}
