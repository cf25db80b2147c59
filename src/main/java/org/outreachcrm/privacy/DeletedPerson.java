package org.outreachcrm.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person deleted from the directory but not erased yet, as the history last knew them:
 * what an admin needs to recognize them on the erasure page.
 *
 * @param contactId the id the erasure takes
 * @param name their last recorded display name
 * @param emails every e-mail address they ever had, sorted
 * @param deletedAt when they were deleted
 * @param countries their country and the countries of the organizations they were ever
 * affiliated with
 */
public record DeletedPerson(long contactId, @Nullable String name, List<String> emails, Instant deletedAt,
		List<String> countries) {
}
