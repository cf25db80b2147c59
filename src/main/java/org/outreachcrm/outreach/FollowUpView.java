package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A follow-up with its timing relative to "today" in the viewer's zone.
 *
 * @param country the organization's country when the follow-up was set
 */
public record FollowUpView(long id, long interactionId, long organizationId, @Nullable String country, LocalDate dueOn,
		long assigneeId, @Nullable String note, FollowUpTiming timing, @Nullable Instant completedAt,
		@Nullable Long completedBy, @Nullable Long completionInteractionId, Instant createdAt, long version) {

	/** Overdue before today, due today, upcoming after; done once completed. */
	public static FollowUpTiming timing(LocalDate dueOn, LocalDate today, boolean completed) {
		if (completed) {
			return FollowUpTiming.DONE;
		}
		if (dueOn.isBefore(today)) {
			return FollowUpTiming.OVERDUE;
		}
		return dueOn.isEqual(today) ? FollowUpTiming.TODAY : FollowUpTiming.UPCOMING;
	}

}
