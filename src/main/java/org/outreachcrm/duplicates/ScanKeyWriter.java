package org.outreachcrm.duplicates;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * The scan's first step, per chunk of records read in id order: computes their blocking
 * keys on every core (folding and transliteration are the CPU work), reads the keys
 * stored for the chunk's id range with one range query, and writes only the difference:
 * missing key hashes inserted in one batch in hash order, stale ones (a record changed
 * without its keys, or deleted) removed. Keys kept current by the check on save are not
 * written again, and a scan never leaves the check on save without keys while it runs.
 * The last id written is saved with each chunk, so a restarted step resumes after it.
 */
class ScanKeyWriter implements ItemStreamWriter<Candidate> {

	private static final Logger log = LoggerFactory.getLogger(ScanKeyWriter.class);

	private static final String AFTER = "keys.after";

	private final DuplicateStore store;

	private final MergeKind kind;

	private final ScanTimes times = new ScanTimes();

	private long after = Long.MIN_VALUE;

	ScanKeyWriter(DuplicateStore store, MergeKind kind) {
		this.store = store;
		this.kind = kind;
	}

	@Override
	public void open(ExecutionContext context) {
		this.after = context.getLong(AFTER, Long.MIN_VALUE);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AFTER, this.after);
	}

	@Override
	public void write(Chunk<? extends Candidate> chunk) {
		long last = this.after;
		for (Candidate candidate : chunk) {
			last = Math.max(last, candidate.id());
		}
		Map<Long, Set<Long>> computed = this.times.time("keys computed", () -> {
			Map<Long, Set<Long>> keys = new ConcurrentHashMap<>();
			chunk.getItems()
				.parallelStream()
				.forEach((candidate) -> keys.put(candidate.id(),
						DuplicateStore.hashes(BlockingKeys.of(DuplicateCheck.profile(this.kind, candidate)))));
			return keys;
		});
		long from = this.after;
		long to = last;
		Map<Long, Set<Long>> stored = this.times.time("stored keys read",
				() -> this.store.keysBetween(this.kind, from, to));
		Map<Long, Set<Long>> missing = new HashMap<>();
		Map<Long, Set<Long>> stale = new HashMap<>();
		computed.forEach((id, keys) -> {
			Set<Long> had = stored.getOrDefault(id, Set.of());
			Set<Long> add = new HashSet<>(keys);
			add.removeAll(had);
			if (!add.isEmpty()) {
				missing.put(id, add);
			}
		});
		stored.forEach((id, keys) -> {
			Set<Long> remove = new HashSet<>(keys);
			remove.removeAll(computed.getOrDefault(id, Set.of()));
			if (!remove.isEmpty()) {
				stale.put(id, remove);
			}
		});
		this.times.time("stale keys removed", () -> this.store.removeKeys(this.kind, stale));
		this.times.count("stale keys removed", stale.values().stream().mapToLong(Set::size).sum());
		this.times.time("keys inserted", () -> this.store.addKeyHashes(this.kind, missing));
		this.times.count("keys inserted", missing.values().stream().mapToLong(Set::size).sum());
		this.times.count("records", chunk.size());
		this.after = last;
	}

	/** Keys of records past the last one read belong to records deleted since. */
	@AfterStep
	ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() == BatchStatus.COMPLETED && this.after != Long.MIN_VALUE) {
			this.store.removeKeysAfter(this.kind, this.after);
		}
		log.info("Duplicate scan of {}, blocking keys: {} s in all; {}", this.kind, seconds(step),
				this.times.summary());
		return step.getExitStatus();
	}

	static String seconds(StepExecution step) {
		if (step.getStartTime() == null) {
			return "?";
		}
		java.time.Duration elapsed = java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now());
		return String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0);
	}

}
