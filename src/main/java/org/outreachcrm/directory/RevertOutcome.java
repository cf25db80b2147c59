package org.outreachcrm.directory;

import java.util.List;

/**
 * What undoing a bulk write did.
 *
 * @param keptBecauseEdited records and fields left alone because someone changed them
 * since
 */
public record RevertOutcome(int organizationsRemoved, int contactsRemoved, int affiliationsRemoved, int fieldsRestored,
		List<String> keptBecauseEdited) {

}
