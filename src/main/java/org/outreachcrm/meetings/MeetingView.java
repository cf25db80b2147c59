package org.outreachcrm.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A meeting; {@code localStart}/{@code localEnd} are in the meeting's own zone.
 */
public record MeetingView(long id, String title, @Nullable String purpose, Instant startsAt, Instant endsAt,
		ZoneId timeZone, LocalDateTime localStart, LocalDateTime localEnd, @Nullable String place,
		@Nullable String onlineLink, long organizerId, long version) {
}
