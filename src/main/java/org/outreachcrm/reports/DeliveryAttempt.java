package org.outreachcrm.reports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One attempt to email a run to its recipients. */
public record DeliveryAttempt(int attempt, boolean succeeded, @Nullable String error, Instant attemptedAt) {

}
