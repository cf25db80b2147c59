package org.outreachcrm.directory;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A person's link to an organization, seen from either side. */
public record AffiliationView(long id, long contactId, String contactName, long organizationId, String organizationName,
		@Nullable String role, boolean primary, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
		long version) {

	/** Whether the link holds today (no end date, or one in the future). */
	public boolean current(LocalDate today) {
		return this.endDate == null || !this.endDate.isBefore(today);
	}

}
