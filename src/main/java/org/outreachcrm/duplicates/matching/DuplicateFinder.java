package org.outreachcrm.duplicates.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the duplicate pairs among profiles held in memory: blocks them by
 * {@link BlockingKeys}, scores each pair of a block once, and skips blocks larger than
 * {@code maxBlock} (a key that many records share says too little; their pairs meet
 * through their other keys). The database scan does the same in SQL and in chunks.
 */
public final class DuplicateFinder {

	private DuplicateFinder() {
	}

	/** Every proposed pair among {@code profiles}. */
	public static List<Match> find(Collection<Profile> profiles, int maxBlock) {
		Map<String, List<Profile>> blocks = new HashMap<>();
		for (Profile profile : profiles) {
			for (String key : BlockingKeys.of(profile)) {
				blocks.computeIfAbsent(key, (k) -> new ArrayList<>()).add(profile);
			}
		}
		Set<String> seen = new HashSet<>();
		List<Match> matches = new ArrayList<>();
		for (List<Profile> block : blocks.values()) {
			if (block.size() < 2 || block.size() > maxBlock) {
				continue;
			}
			for (int i = 0; i < block.size(); i++) {
				for (int j = i + 1; j < block.size(); j++) {
					Profile a = block.get(i);
					Profile b = block.get(j);
					long first = Math.min(a.id(), b.id());
					long second = Math.max(a.id(), b.id());
					if (first != second && seen.add(first + "-" + second)) {
						PairScorer.score(a, b).ifPresent(matches::add);
					}
				}
			}
		}
		return matches;
	}

	/** The proposed matches of {@code record} among {@code others}. */
	public static List<Match> against(Profile record, Collection<Profile> others) {
		List<Match> matches = new ArrayList<>();
		for (Profile other : others) {
			PairScorer.score(record, other).ifPresent(matches::add);
		}
		matches.sort((x, y) -> Double.compare(y.score(), x.score()));
		return matches;
	}

}
