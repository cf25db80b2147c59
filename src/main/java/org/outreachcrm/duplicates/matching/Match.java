package org.outreachcrm.duplicates.matching;

import java.util.List;

/**
 * A proposed pair: {@code firstId < secondId}, a score between 0 and 1 (higher is more
 * certain), and why.
 */
public record Match(long firstId, long secondId, double score, List<Reason> reasons) {

	public Match {
		reasons = List.copyOf(reasons);
	}

}
