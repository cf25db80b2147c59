package org.outreachcrm.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Counts per key, rolled up in memory from a few hundred grouped SQL rows. */
final class Tally {

	private final Map<String, long[]> counts = new HashMap<>();

	private final int width;

	Tally(int width) {
		this.width = width;
	}

	void add(@Nullable String key, long... values) {
		long[] sums = this.counts.computeIfAbsent(key == null ? "" : key, (k) -> new long[this.width]);
		for (int i = 0; i < values.length; i++) {
			sums[i] += values[i];
		}
	}

	/**
	 * Rows of key plus counts, largest first column first, then by key; with
	 * {@code share} an extra column with each row's share of the first count's total.
	 */
	List<List<@Nullable Object>> rows(boolean share) {
		long total = this.counts.values().stream().mapToLong((c) -> c[0]).sum();
		List<Map.Entry<String, long[]>> entries = new ArrayList<>(this.counts.entrySet());
		entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
			.thenComparing(Map.Entry::getKey));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Map.Entry<String, long[]> entry : entries) {
			List<@Nullable Object> row = new ArrayList<>();
			row.add(entry.getKey().isEmpty() ? null : entry.getKey());
			for (long value : entry.getValue()) {
				row.add(value);
			}
			if (share) {
				row.add(total == 0 ? 0.0 : (double) entry.getValue()[0] / total);
			}
			rows.add(row);
		}
		return rows;
	}

}
