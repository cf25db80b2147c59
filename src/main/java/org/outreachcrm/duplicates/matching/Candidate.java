package org.outreachcrm.duplicates.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A directory record as the duplicate finder reads it: an organization (one e-mail and
 * one phone at most) or a person (their e-mails and phones).
 */
public record Candidate(long id, String name, @Nullable String country, @Nullable String city, @Nullable String website,
		List<String> emails, List<String> phones) {

	public Candidate {
		emails = List.copyOf(emails);
		phones = List.copyOf(phones);
	}

}
