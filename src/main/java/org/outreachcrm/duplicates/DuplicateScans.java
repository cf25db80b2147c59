package org.outreachcrm.duplicates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.outreachcrm.directory.MergeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Full scans for duplicates: asking for one queues it and answers at once; asking again
 * while a scan of the same kind is queued or running (on any instance) joins that scan.
 * Scans run in the background ({@link DuplicateScanLauncher}) over every record of the
 * kind; what a person then sees of the pairs depends on their country scope.
 */
@Service
public class DuplicateScans {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScans.class);

	private final ScanRuns runs;

	private final DuplicateScanLauncher launcher;

	private final DuplicateStore store;

	private final DirectoryCandidates candidates;

	private final DuplicatesProperties properties;

	DuplicateScans(ScanRuns runs, DuplicateScanLauncher launcher, DuplicateStore store, DirectoryCandidates candidates,
			DuplicatesProperties properties) {
		this.runs = runs;
		this.launcher = launcher;
		this.store = store;
		this.candidates = candidates;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		if (this.properties.scanOnStartUp()) {
			scanKindsWithoutKeys();
		}
	}

	/**
	 * Queues a scan of every kind whose records have no blocking keys, so that the check
	 * on save finds them: after V270 dropped the keys, or in a database filled around the
	 * application. Asking while a scan of the kind is active anywhere in the cluster
	 * joins that scan (the instance that queued it runs it), and once a scan has built
	 * the keys nothing is queued again.
	 */
	List<DuplicateScan> scanKindsWithoutKeys() {
		List<DuplicateScan> scans = new ArrayList<>();
		for (MergeKind kind : MergeKind.values()) {
			if (this.candidates.any(kind) && !this.store.hasKeys(kind)) {
				DuplicateScan scan = request(kind, "system");
				log.info("{} records have no blocking keys yet: duplicate scan {} builds them", kind, scan.id());
				scans.add(scan);
			}
		}
		return scans;
	}

	/** Queues a scan of a kind, or answers the one already active. */
	public DuplicateScan request(MergeKind kind, String requestedBy) {
		ScanRuns.Queued queued = this.runs.queue(kind, requestedBy);
		if (queued.created()) {
			this.launcher.launch(queued.id());
		}
		return this.runs.get(queued.id());
	}

	/**
	 * The latest scans of each kind, newest first, at most {@code perKind} of each (scans
	 * hold no records: every STAFF user may see them).
	 */
	public Map<MergeKind, List<ScanSummary>> latest(int perKind) {
		Map<MergeKind, List<ScanSummary>> latest = new EnumMap<>(MergeKind.class);
		for (MergeKind kind : MergeKind.values()) {
			latest.put(kind, this.runs.latest(kind, perKind));
		}
		return latest;
	}

	/** A scan by id (scans hold no records, so every STAFF user may follow any scan). */
	public DuplicateScan get(long id) {
		return this.runs.get(id);
	}

}
