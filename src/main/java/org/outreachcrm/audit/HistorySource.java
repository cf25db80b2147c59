package org.outreachcrm.audit;

import java.util.Collection;
import java.util.List;

/**
 * History that a module keeps outside Envers, such as the changes of bulk imports written
 * with JDBC: the history merges it with the Envers revisions. Implemented by the module
 * that keeps it (imports), so the audit module depends on none of them.
 */
public interface HistorySource {

	/** The entries about the given records of {@code entity}, in any order. */
	List<HistoryEntry> entries(AuditedEntity entity, Collection<Long> ids);

	/**
	 * The events of the global audit log this source keeps (e.g. import runs and their
	 * undo), matching the query, newest first, at most {@code limit}; entries without
	 * revision, with a summary.
	 */
	default List<RevisionView> logEntries(AuditLogQuery query, int limit) {
		return List.of();
	}

	/** How many events {@link #logEntries} would return without a limit. */
	default long countLogEntries(AuditLogQuery query) {
		return 0;
	}

}
