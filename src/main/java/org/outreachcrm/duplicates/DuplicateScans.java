package org.outreachcrm.duplicates;

import org.outreachcrm.directory.MergeKind;

import org.springframework.stereotype.Service;

/**
 * Full scans for duplicates: asking for one queues it and answers at once; asking again
 * while a scan of the same kind is queued or running (on any instance) joins that scan.
 * Scans run in the background ({@link DuplicateScanLauncher}) over every record of the
 * kind; what a person then sees of the pairs depends on their country scope.
 */
@Service
public class DuplicateScans {

	private final ScanRuns runs;

	private final DuplicateScanLauncher launcher;

	DuplicateScans(ScanRuns runs, DuplicateScanLauncher launcher) {
		this.runs = runs;
		this.launcher = launcher;
	}

	/** Queues a scan of a kind, or answers the one already active. */
	public DuplicateScan request(MergeKind kind, String requestedBy) {
		ScanRuns.Queued queued = this.runs.queue(kind, requestedBy);
		if (queued.created()) {
			this.launcher.launch(queued.id());
		}
		return this.runs.get(queued.id());
	}

	/** A scan by id (scans hold no records, so every STAFF user may follow any scan). */
	public DuplicateScan get(long id) {
		return this.runs.get(id);
	}

}
