package org.outreachcrm.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the global audit log: an Envers revision with the records it touched, or
 * an event another module keeps outside Envers (an import run or its undo), which has no
 * revision number and carries a summary instead.
 *
 * @param revision the Envers revision; null for an entry of a {@link HistorySource}
 * @param summary what an entry of a {@link HistorySource} did; null for a revision
 */
public record RevisionView(@Nullable Long revision, Instant at, String user, ChangeSource source,
		@Nullable String sourceRef, List<Touched> records, @Nullable Summary summary) {

	/** A revision of Envers (no summary). */
	public RevisionView(long revision, Instant at, String user, ChangeSource source, @Nullable String sourceRef,
			List<Touched> records) {
		this(Long.valueOf(revision), at, user, source, sourceRef, records, null);
	}

	/** A record a revision created, changed or deleted. */
	public record Touched(AuditedEntity entity, long id, HistoryEntry.Action action) {
	}

	/**
	 * What an event outside Envers did.
	 *
	 * @param title what it worked on, e.g. the imported file's name
	 * @param counts named counts in display order, e.g. {@code rowsImported}; the page
	 * labels them with the message {@code audit.count.<name>}
	 */
	public record Summary(String title, Map<String, Long> counts) {
	}

}
