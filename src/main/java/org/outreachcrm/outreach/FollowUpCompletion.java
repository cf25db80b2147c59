package org.outreachcrm.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Completes a follow-up, optionally logging the interaction that did it in the same step.
 *
 * @param version the version of the follow-up the completion is based on
 */
public record FollowUpCompletion(@NotNull Long version, @Nullable @Valid InteractionRequest interaction) {
}
