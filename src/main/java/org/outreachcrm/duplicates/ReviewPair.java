package org.outreachcrm.duplicates;

import org.jspecify.annotations.Nullable;

/** An open pair with both records side by side, for the review queue. */
public record ReviewPair(DuplicatePair pair, Side first, Side second) {

	/** What a reviewer compares of one record. */
	public record Side(long id, String name, @Nullable String country, @Nullable String city, @Nullable String website,
			@Nullable String email, @Nullable String phone) {
	}

}
