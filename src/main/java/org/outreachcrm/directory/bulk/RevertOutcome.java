package org.outreachcrm.directory.bulk;

import java.io.Serializable;
import java.util.List;

/**
 * What undoing a bulk write did.
 *
 * @param keptBecauseEdited records and fields left alone because someone changed them
 * since
 */
public record RevertOutcome(int organizationsRemoved, int contactsRemoved, int affiliationsRemoved, int fieldsRestored,
		List<String> keptBecauseEdited) implements Serializable {

	public RevertOutcome {
		// a flash attribute travels through the session table: keep it serializable
		keptBecauseEdited = List.copyOf(keptBecauseEdited);
	}

}
