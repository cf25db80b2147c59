package org.outreachcrm.directory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published when an organization gets a partnership stage: on creation ({@code from} is
 * {@code null}) and on every change. Listeners run in the transaction of the change, so a
 * stage history written by them commits or rolls back together with the change.
 *
 * @param changedBy the user name of who made the change ("system" for start-up tasks)
 */
public record OrganizationStageChanged(long organizationId, @Nullable PartnershipStage from, PartnershipStage to,
		String changedBy, Instant changedAt) {
}
