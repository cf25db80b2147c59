package org.outreachcrm.directory;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person's consent: its status, since when, how it reached us ({@code sourceDetail}
 * names the import file or the meeting) and for what purpose.
 */
public record Consent(ConsentStatus status, @Nullable LocalDate date, @Nullable ConsentSource source,
		@Nullable String sourceDetail, @Nullable String purpose) {

	public static Consent unknown() {
		return new Consent(ConsentStatus.UNKNOWN, null, null, null, null);
	}

}
