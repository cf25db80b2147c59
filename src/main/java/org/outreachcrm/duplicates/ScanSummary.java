package org.outreachcrm.duplicates;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;

/**
 * A full scan as the duplicates page lists it: where it is, the new pairs it found, and
 * when it was asked for, started and finished.
 */
public record ScanSummary(long id, MergeKind kind, ScanStatus status, int pairsFound, Instant requestedAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt) {

	/** The moment that goes with the status: finished, else started, else asked for. */
	public Instant when() {
		if (this.finishedAt != null) {
			return this.finishedAt;
		}
		return (this.startedAt != null) ? this.startedAt : this.requestedAt;
	}

	/** Whether the scan is still queued or running. */
	public boolean active() {
		return this.status == ScanStatus.QUEUED || this.status == ScanStatus.RUNNING;
	}

}
