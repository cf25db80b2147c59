package org.outreachcrm.directory;

import org.jspecify.annotations.Nullable;

/** Name, first email and country of a person, for lists and exports of other modules. */
public record ContactCard(long id, String displayName, @Nullable String email, @Nullable String country) {
}
