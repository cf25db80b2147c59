package org.outreachcrm.shared;

import java.util.Collection;
import java.util.Map;

/**
 * Names of records by id, so that pages listing references of several kinds (the history,
 * the audit log) show names instead of ids without depending on the modules that own
 * them. Each module names its own kinds; a record that is gone or outside the current
 * user's countries is left out, and the page says so in words.
 */
public interface RecordNames {

	/**
	 * The kinds this names, such as {@code organization}, {@code contact}, {@code user},
	 * {@code campaign}, {@code meeting}, {@code interaction}, {@code follow_up}.
	 */
	java.util.Set<String> kinds();

	/** Names of the given records of {@code kind} that the current user may see. */
	Map<Long, String> names(String kind, Collection<Long> ids);

	/**
	 * Display names of users by their login names; only the accounts module knows them.
	 */
	default Map<String, String> userNames(Collection<String> usernames) {
		return Map.of();
	}

}
