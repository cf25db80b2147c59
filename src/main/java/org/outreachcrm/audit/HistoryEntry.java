package org.outreachcrm.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One change of one record as the history shows it: who, when, from where, and the fields
 * with their values before and after.
 *
 * @param revision the Envers revision; null for history kept outside Envers (imports)
 * @param sourceRef what the source refers to, e.g. the import's id
 */
public record HistoryEntry(@Nullable Long revision, Instant at, String user, ChangeSource source,
		@Nullable String sourceRef, AuditedEntity entity, long entityId, Action action, List<FieldChange> changes) {

	/** What happened to the record. */
	public enum Action {

		CREATED, CHANGED, DELETED

	}

	/** One field's value before and after (null when empty). */
	public record FieldChange(String field, @Nullable String before, @Nullable String after) {
	}

}
