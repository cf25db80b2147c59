package org.outreachcrm.duplicates;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a scan step's time goes, phase by phase (reading, folding, key writes, scoring,
 * pair writes), logged when the step ends: the split that tells which side to make
 * faster. Used by one step thread at a time.
 */
class ScanTimes {

	private final Map<String, long[]> phases = new LinkedHashMap<>();

	<T> T time(String phase, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			add(phase, System.nanoTime() - start, 0);
		}
	}

	void time(String phase, Runnable work) {
		time(phase, () -> {
			work.run();
			return null;
		});
	}

	/** Counts {@code items} (rows, keys, pairs) under a phase. */
	void count(String phase, long items) {
		add(phase, 0, items);
	}

	private void add(String phase, long nanos, long items) {
		long[] totals = this.phases.computeIfAbsent(phase, (p) -> new long[2]);
		totals[0] += nanos;
		totals[1] += items;
	}

	/** "phase 1.2 s (34,567), ..." in the order the phases first ran. */
	String summary() {
		StringBuilder text = new StringBuilder();
		this.phases.forEach((phase, totals) -> {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(String.format(Locale.ROOT, "%s %.1f s", phase, totals[0] / 1e9));
			if (totals[1] > 0) {
				text.append(String.format(Locale.ROOT, " (%,d)", totals[1]));
			}
		});
		return text.toString();
	}

}
