package org.outreachcrm.duplicates;

/**
 * The candidate pairs a scan has scored already, so that a pair sharing several keys
 * (name, spelling, consonants, website) is scored once: an open-addressing set of
 * {@code first << 32 | second}, 8 bytes a pair rather than a boxed entry's fifty, and at
 * most {@link #MAX_SIZE} of them.
 */
final class PairSet {

	private static final long EMPTY = 0;

	/** At most this many pairs remembered (64 MB). */
	static final int MAX_SIZE = 1 << 22;

	private long[] slots = new long[1 << 12];

	private int size;

	/**
	 * Adds the pair; false when it was there. Ids beyond 32 bits are never remembered
	 * (the pair is scored again and stored once all the same).
	 */
	boolean add(long firstId, long secondId) {
		if (firstId <= 0 || secondId <= 0 || firstId > 0xFFFFFFFFL || secondId > 0xFFFFFFFFL) {
			return true;
		}
		if (this.size >= MAX_SIZE) {
			// bounded memory: forget them all; a pair scored again is stored once anyway
			this.slots = new long[1 << 12];
			this.size = 0;
		}
		if (this.size * 2 >= this.slots.length) {
			grow();
		}
		return insert(this.slots, (firstId << 32) | secondId);
	}

	int size() {
		return this.size;
	}

	private boolean insert(long[] table, long value) {
		int mask = table.length - 1;
		int slot = mix(value) & mask;
		while (table[slot] != EMPTY) {
			if (table[slot] == value) {
				return false;
			}
			slot = (slot + 1) & mask;
		}
		table[slot] = value;
		if (table == this.slots) {
			this.size++;
		}
		return true;
	}

	private void grow() {
		long[] old = this.slots;
		long[] bigger = new long[old.length * 2];
		for (long value : old) {
			if (value != EMPTY) {
				int mask = bigger.length - 1;
				int slot = mix(value) & mask;
				while (bigger[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				bigger[slot] = value;
			}
		}
		this.slots = bigger;
	}

	private static int mix(long value) {
		long h = value * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

}
