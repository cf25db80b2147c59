package org.outreachcrm.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One revision of the global audit log with the records it touched. */
public record RevisionView(long revision, Instant at, String user, ChangeSource source, @Nullable String sourceRef,
		List<Touched> records) {

	/** A record a revision created, changed or deleted. */
	public record Touched(AuditedEntity entity, long id, HistoryEntry.Action action) {
	}

}
