package org.outreachcrm.directory;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A person's link to an organization as a client creates or changes it.
 *
 * @param version the version the change is based on; required when updating
 */
public record AffiliationRequest(@NotNull Long organizationId, @Nullable @Size(max = 200) String role,
		@Nullable Boolean primary, @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Long version) {

	@AssertTrue(message = "{validation.affiliation.dates}")
	boolean isEndAfterStart() {
		return this.startDate == null || this.endDate == null || !this.endDate.isBefore(this.startDate);
	}

}
