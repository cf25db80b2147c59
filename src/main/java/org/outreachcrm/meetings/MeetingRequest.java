package org.outreachcrm.meetings;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as a client creates or changes it.
 *
 * @param timeZone the zone the meeting is planned in (IANA id); {@code null} means UTC
 * @param organizerId {@code null} means the current user
 * @param version the version a change is based on; required when updating
 */
public record MeetingRequest(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 20000) String purpose,
		@NotNull Instant startsAt, @NotNull Instant endsAt, @Nullable @Size(max = 64) String timeZone,
		@Nullable @Size(max = 500) String place,
		@Nullable @Size(max = 1000) @Pattern(regexp = "^https?://[^\\s<>\"]+$",
				message = "{validation.website}") String onlineLink,
		@Nullable Long organizerId, @Nullable Long version) {

	private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern
		.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)");

	/**
	 * A link typed without its scheme ("meet.example.org/abc", "host:8443/x") is taken as
	 * https; one with another scheme ("javascript:...") stays as typed and is refused.
	 */
	public MeetingRequest {
		if (onlineLink != null && !onlineLink.isBlank()) {
			onlineLink = onlineLink.strip();
			if (!SCHEME.matcher(onlineLink).find()) {
				onlineLink = "https://" + onlineLink.replaceFirst("^/+", "");
			}
		}
	}

}
