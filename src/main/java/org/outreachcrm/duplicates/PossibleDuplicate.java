package org.outreachcrm.duplicates;

import java.util.List;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.Reason;

/** A record that may be the same as one just saved: its id, name, score and reasons. */
public record PossibleDuplicate(MergeKind kind, long id, String name, double score, List<Reason> reasons) {

	public PossibleDuplicate {
		reasons = List.copyOf(reasons);
	}

}
