package org.outreachcrm.directory;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change of a person's consent as a client sends it.
 *
 * @param version the contact's version the change is based on; required
 */
public record ConsentRequest(@NotNull ConsentStatus status, @Nullable LocalDate date, @Nullable ConsentSource source,
		@Nullable @Size(max = 500) String sourceDetail, @Nullable @Size(max = 500) String purpose,
		@Nullable Long version) {
}
