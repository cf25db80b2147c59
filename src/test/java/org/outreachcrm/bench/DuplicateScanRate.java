package org.outreachcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;

/**
 * The CPU side of a duplicate scan over the scale data set's organizations (names in
 * every script of {@link ScaleData}), in memory: folding and blocking keys per record
 * (the scan's first step) and the comparisons within blocks (its second step), without
 * the database. Run: {@code java -cp target/test-classes:target/classes:<deps>
 * org.outreachcrm.bench.DuplicateScanRate 20000}.
 */
public final class DuplicateScanRate {

	private DuplicateScanRate() {
	}

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		List<Candidate> candidates = new ArrayList<>(size);
		for (long i = 1; i <= size; i++) {
			candidates.add(new Candidate(i, ScaleData.organizationName(i), ScaleData.country(i).code(),
					ScaleData.city(i), null, List.of(), List.of()));
		}
		long start = System.nanoTime();
		List<Profile> profiles = new ArrayList<>(size);
		long keys = 0;
		for (Candidate candidate : candidates) {
			Profile profile = Profile.organization(candidate);
			profiles.add(profile);
			keys += BlockingKeys.of(profile).size();
		}
		long keyed = System.nanoTime();
		List<Match> matches = DuplicateFinder.find(profiles, 2000);
		long end = System.nanoTime();
		System.out.printf(Locale.ROOT,
				"%d organizations: keys %.1f s (%d keys, %.0f records/s), blocks and scores %.1f s, %d pairs, total %.0f records/s%n",
				size, (keyed - start) / 1e9, keys, size / ((keyed - start) / 1e9), (end - keyed) / 1e9, matches.size(),
				size / ((end - start) / 1e9));
	}

}
