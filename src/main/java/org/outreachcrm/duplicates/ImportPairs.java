package org.outreachcrm.duplicates;

import java.util.List;
import java.util.Map;

import org.outreachcrm.directory.MergeKind;

/**
 * The open pairs an import found, as its page shows them.
 *
 * @param open how many are still open, per kind
 * @param shown the best of them with both records
 */
public record ImportPairs(Map<MergeKind, Long> open, List<ReviewPair> shown) {

	public ImportPairs {
		open = Map.copyOf(open);
		shown = List.copyOf(shown);
	}

	/** Open pairs of both kinds. */
	public long total() {
		return this.open.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The kind whose queue to open first: organizations unless only people have pairs.
	 */
	public MergeKind firstKind() {
		return (this.open.getOrDefault(MergeKind.ORGANIZATION, 0L) == 0
				&& this.open.getOrDefault(MergeKind.CONTACT, 0L) > 0) ? MergeKind.CONTACT : MergeKind.ORGANIZATION;
	}

}
