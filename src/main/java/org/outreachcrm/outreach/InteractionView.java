package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An interaction as readers see it.
 *
 * @param occurredAt the moment (UTC)
 * @param timeZone the zone the person who logged it meant
 * @param localTime {@code occurredAt} in the viewer's zone ({@code viewerZone})
 * @param updatedAt when it was last changed (its creation until then)
 * @param updatedBy who changed it last
 */
public record InteractionView(long id, long organizationId, @Nullable String organizationName, List<Long> contactIds,
		InteractionType type, Instant occurredAt, ZoneId timeZone, ZoneId viewerZone, LocalDateTime localTime,
		Direction direction, String subject, @Nullable String summary, @Nullable String outcome, long staffId,
		@Nullable Long campaignId, Set<String> tags, Instant createdAt, @Nullable String createdBy, long version,
		Instant updatedAt, @Nullable String updatedBy) {

	/** Whether the person who logged it meant another zone than the viewer's. */
	public boolean loggedInOtherZone() {
		return !this.timeZone.normalized().equals(this.viewerZone.normalized())
				&& !this.timeZone.getRules().equals(this.viewerZone.getRules());
	}

	/** When it happened in the zone the person who logged it meant. */
	public LocalDateTime loggedLocalTime() {
		return LocalDateTime.ofInstant(this.occurredAt, this.timeZone);
	}

	/** The same interaction shown in another viewer's zone. */
	public InteractionView in(ZoneId zone) {
		return new InteractionView(this.id, this.organizationId, this.organizationName, this.contactIds, this.type,
				this.occurredAt, this.timeZone, zone, LocalDateTime.ofInstant(this.occurredAt, zone), this.direction,
				this.subject, this.summary, this.outcome, this.staffId, this.campaignId, this.tags, this.createdAt,
				this.createdBy, this.version, this.updatedAt, this.updatedBy);
	}

}
