package org.outreachcrm.duplicates;

import java.util.List;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.Reason;

/**
 * An open pair of records that may be one: {@code firstId < secondId}, its score (0 to 1,
 * higher is more certain) and why it was proposed.
 */
public record DuplicatePair(long id, MergeKind kind, long firstId, long secondId, double score, List<Reason> reasons) {

	public DuplicatePair {
		reasons = List.copyOf(reasons);
	}

}
