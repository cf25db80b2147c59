package org.outreachcrm.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as a client logs or changes it.
 *
 * @param occurredAt the moment, as an ISO-8601 instant
 * @param timeZone the zone the person meant (IANA id such as {@code Europe/Warsaw});
 * {@code null} means UTC
 * @param staffId who had the interaction; {@code null} means the current user
 * @param followUp an optional follow-up to set (only when logging)
 * @param version the version a change is based on; required when updating
 */
public record InteractionRequest(@NotNull Long organizationId,
		@Nullable @Size(max = 100) List<@NotNull Long> contactIds, @NotNull InteractionType type,
		@NotNull Instant occurredAt, @Nullable @Size(max = 64) String timeZone, @NotNull Direction direction,
		@NotBlank @Size(max = 300) String subject, @Nullable @Size(max = 50000) String summary,
		@Nullable @Size(max = 2000) String outcome, @Nullable Long staffId, @Nullable Long campaignId,
		@Nullable @Size(max = 50) Set<@NotBlank @Size(max = 64) String> tags, @Nullable @Valid FollowUpRequest followUp,
		@Nullable Long version) {

	/** A request with only what logging needs; the rest left empty. */
	public static InteractionRequest of(long organizationId, List<Long> contactIds, InteractionType type,
			Instant occurredAt, String timeZone, Direction direction, String subject) {
		return new InteractionRequest(organizationId, contactIds, type, occurredAt, timeZone, direction, subject, null,
				null, null, null, null, null, null);
	}

}
