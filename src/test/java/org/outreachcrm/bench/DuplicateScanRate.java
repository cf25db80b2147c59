package org.outreachcrm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;

/**
 * The CPU side of a duplicate scan over the scale data set's organizations and people
 * (names in every script of {@link ScaleData}), in memory: folding and blocking keys per
 * record (the scan's first step) and the comparisons within blocks (its second step),
 * without the database. Prints wall and CPU seconds (the CPU seconds are what a busy
 * machine distorts least). Run: {@code java -cp target/test-classes:target/classes:<deps>
 * org.outreachcrm.bench.DuplicateScanRate 200000 1000000 100} (organizations, people,
 * max-block).
 */
public final class DuplicateScanRate {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private DuplicateScanRate() {
	}

	public static void main(String[] args) {
		int organizations = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int people = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		int maxBlock = (args.length > 2) ? Integer.parseInt(args[2]) : 100;
		List<Candidate> orgs = new ArrayList<>(organizations);
		for (long i = 1; i <= organizations; i++) {
			orgs.add(new Candidate(i, ScaleData.organizationName(i), ScaleData.country(i).code(), ScaleData.city(i),
					null, List.of(), List.of()));
		}
		run("organizations", orgs, false, maxBlock);
		List<Candidate> persons = new ArrayList<>(people);
		for (long p = 1; p <= people; p++) {
			// the generator gives a person the country of their organization
			ScaleData.Country country = ScaleData.country((long) p * organizations / people);
			persons.add(new Candidate(p, ScaleData.displayName(p, country), country.code(), null, null,
					List.of(ScaleData.email(p, country)), List.of()));
		}
		run("people", persons, true, maxBlock);
	}

	private static void run(String what, List<Candidate> candidates, boolean person, int maxBlock) {
		long start = System.nanoTime();
		long cpuStart = THREADS.getCurrentThreadCpuTime();
		List<Profile> profiles = new ArrayList<>(candidates.size());
		long keys = 0;
		for (Candidate candidate : candidates) {
			Profile profile = person ? Profile.person(candidate) : Profile.organization(candidate);
			profiles.add(profile);
			keys += BlockingKeys.of(profile).size();
		}
		long keyed = System.nanoTime();
		long cpuKeyed = THREADS.getCurrentThreadCpuTime();
		List<Match> matches = DuplicateFinder.find(profiles, maxBlock);
		long end = System.nanoTime();
		long cpuEnd = THREADS.getCurrentThreadCpuTime();
		System.out.printf(Locale.ROOT,
				"%,d %s: keys %.1f s (CPU %.1f s, %,d keys), blocks and scores %.1f s (CPU %.1f s), %,d pairs, %.0f records/s (%.0f per CPU second), max-block %d%n",
				candidates.size(), what, (keyed - start) / 1e9, (cpuKeyed - cpuStart) / 1e9, keys, (end - keyed) / 1e9,
				(cpuEnd - cpuKeyed) / 1e9, matches.size(), candidates.size() / ((end - start) / 1e9),
				candidates.size() / ((cpuEnd - cpuStart) / 1e9), maxBlock);
	}

}
