package org.outreachcrm.directory.bulk;

import java.util.HashSet;
import java.util.Set;

/**
 * State of one bulk run across its chunks. A real run keeps nothing: what earlier chunks
 * wrote is in the database. A dry run writes nothing, so it remembers which organizations
 * and people it would have created, to count a record seen in two chunks once.
 */
public final class BulkSession {

	private final boolean dryRun;

	private final Set<String> wouldCreate = new HashSet<>();

	private BulkSession(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public static BulkSession real() {
		return new BulkSession(false);
	}

	public static BulkSession dryRun() {
		return new BulkSession(true);
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	boolean alreadyCreated(String key) {
		return this.dryRun && this.wouldCreate.contains(key);
	}

	void created(String key) {
		if (this.dryRun) {
			this.wouldCreate.add(key);
		}
	}

}
