package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.PairScorer;
import org.outreachcrm.duplicates.matching.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The scan's second step, per chunk of blocks: the pairs of each block not scored yet in
 * this step (a pair shares several keys), the records of those pairs read with one query
 * per 500, their profiles and the scores computed on every core, and the new pairs stored
 * (a pair stored before, in any status, is never written again, so a restarted step that
 * scores some pairs twice stores them once).
 */
class ScanPairWriter implements ItemWriter<DuplicateStore.Block> {

	private static final Logger log = LoggerFactory.getLogger(ScanPairWriter.class);

	private final DirectoryCandidates candidates;

	private final DuplicateStore store;

	private final ScanRuns runs;

	private final Clock clock;

	private final MergeKind kind;

	private final long scanId;

	private final ScanTimes times;

	/**
	 * Pairs scored and stored at once: bounds the memory a chunk of large blocks takes.
	 */
	private static final int PAIRS_AT_ONCE = 10_000;

	private final PairSet scored = new PairSet();

	ScanPairWriter(DirectoryCandidates candidates, DuplicateStore store, ScanRuns runs, Clock clock, MergeKind kind,
			long scanId, ScanTimes times) {
		this.candidates = candidates;
		this.store = store;
		this.runs = runs;
		this.clock = clock;
		this.kind = kind;
		this.scanId = scanId;
		this.times = times;
	}

	@Override
	public void write(Chunk<? extends DuplicateStore.Block> chunk) {
		List<long[]> pairs = new ArrayList<>();
		for (DuplicateStore.Block block : chunk) {
			List<Long> members = block.recordIds();
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					long first = Math.min(members.get(i), members.get(j));
					long second = Math.max(members.get(i), members.get(j));
					if (first != second && this.scored.add(first, second)) {
						pairs.add(new long[] { first, second });
					}
					if (pairs.size() == PAIRS_AT_ONCE) {
						score(pairs);
						pairs.clear();
					}
				}
			}
		}
		score(pairs);
	}

	/**
	 * Scores and stores some of a chunk's pairs: a few blocks of a common name hold many.
	 */
	private void score(List<long[]> pairs) {
		if (pairs.isEmpty()) {
			return;
		}
		Set<Long> ids = new LinkedHashSet<>();
		pairs.forEach((pair) -> {
			ids.add(pair[0]);
			ids.add(pair[1]);
		});
		Map<Long, Profile> profiles = this.times.time("records read and folded",
				() -> this.candidates.byIds(this.kind, ids)
					.parallelStream()
					.map((candidate) -> DuplicateCheck.profile(this.kind, candidate))
					.collect(Collectors.toConcurrentMap(Profile::id, (profile) -> profile)));
		this.times.count("records read and folded", ids.size());
		List<Match> matches = this.times.time("pairs scored", () -> pairs.parallelStream().map((pair) -> {
			Profile first = profiles.get(pair[0]);
			Profile second = profiles.get(pair[1]);
			return (first != null && second != null) ? PairScorer.score(first, second) : Optional.<Match>empty();
		}).flatMap(Optional::stream).toList());
		this.times.count("pairs scored", pairs.size());
		int added = this.times.time("pairs written",
				() -> this.store.addPairs(this.kind, matches, this.clock.instant()));
		this.times.count("pairs written", added);
		this.runs.addFound(this.scanId, added);
	}

	@AfterStep
	ExitStatus afterStep(StepExecution step) {
		log.info("Duplicate scan of {}, pairs: {} s in all; {}", this.kind, ScanKeyWriter.seconds(step),
				this.times.summary());
		return step.getExitStatus();
	}

}
