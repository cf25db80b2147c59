package org.outreachcrm.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filters of the global audit log; each one is optional. */
public record AuditLogQuery(@Nullable String user, @Nullable AuditedEntity entity, @Nullable Instant from,
		@Nullable Instant to) {
}
