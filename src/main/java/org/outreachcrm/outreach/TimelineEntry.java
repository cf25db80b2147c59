package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a timeline, whatever its kind.
 *
 * @param id the id of the interaction, follow-up, stage change or meeting
 * @param at when it happened (follow-ups: when they were set; meetings: their start)
 * @param title interaction subject, follow-up note, who changed the stage, meeting title
 * @param code interaction type, OPEN/DONE of a follow-up, the new stage, invitation
 * status
 * @param detail interaction direction, the previous stage, the meeting's place
 * @param dueOn the due date of a follow-up
 */
public record TimelineEntry(TimelineKind kind, long id, Instant at, @Nullable Long organizationId,
		@Nullable String title, @Nullable String code, @Nullable String detail, @Nullable LocalDate dueOn) {
}
