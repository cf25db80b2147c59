package org.outreachcrm.outreach;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * Filters of a follow-up list.
 *
 * @param assigneeId whose follow-ups; {@code null} means everyone's (managers only)
 * @param country the organization's country (ISO alpha-2)
 * @param zone the zone that decides what "today" is
 * @param includeCompleted whether completed follow-ups are listed too (after the open
 * ones)
 */
public record FollowUpQuery(@Nullable Long assigneeId, @Nullable String country, ZoneId zone,
		boolean includeCompleted) {
}
