package org.outreachcrm.directory;

import org.jspecify.annotations.Nullable;

/**
 * One row a merge moved, as the module that moved it recorded it in the merge ledger.
 *
 * @param what the kind of row, named by the module that owns it ({@code INTERACTION})
 * @param rowId the row's id (or first key part)
 * @param rowRef the second key part of a row with a two-part key
 * @param detail what an undo needs besides moving it back (a folded row's values)
 */
public record MergeMove(String what, long rowId, @Nullable Long rowRef, @Nullable String detail) {

	public static MergeMove of(String what, long rowId) {
		return new MergeMove(what, rowId, null, null);
	}

}
