package org.outreachcrm.outreach;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up set by an interaction.
 *
 * @param assigneeId the user who should do it; {@code null} means the current user
 */
public record FollowUpRequest(@NotNull LocalDate dueOn, @Nullable Long assigneeId,
		@Nullable @Size(max = 2000) String note) {
}
