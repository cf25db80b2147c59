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

}
