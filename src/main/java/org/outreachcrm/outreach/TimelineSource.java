package org.outreachcrm.outreach;

import java.util.List;

/**
 * Entries another module adds to timelines (meetings add participation). Implemented by
 * modules that depend on outreach, so that outreach never depends on them.
 */
public interface TimelineSource {

	/** The newest {@code limit} entries of the subject, newest first. */
	List<TimelineEntry> newest(TimelineSubject subject, long id, int limit);

	/** How many entries the subject has in this source. */
	long count(TimelineSubject subject, long id);

}
