package org.outreachcrm.testsupport;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.outreachcrm.directory.AffiliationRequest;
import org.outreachcrm.directory.ContactDetails;
import org.outreachcrm.directory.ContactRequest;
import org.outreachcrm.directory.Contacts;
import org.outreachcrm.directory.OrganizationRequest;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;

/**
 * Builders of directory requests for tests; names carry a unique marker so runs never
 * collide.
 */
public final class DirectoryData {

	private DirectoryData() {
	}

	/** A word no other test uses, to scope searches to one test's data. */
	public static String marker() {
		String marker;
		do {
			marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		}
		while (passwordRulesRefuse(marker));
		return marker;
	}

	/**
	 * Markers also make test passwords unique: one with a character four times in a row
	 * or a run such as {@code abcde} would be refused by the password rules now and then.
	 */
	private static boolean passwordRulesRefuse(String marker) {
		for (int i = 0; i + 3 < marker.length(); i++) {
			if (marker.charAt(i) == marker.charAt(i + 1) && marker.charAt(i) == marker.charAt(i + 2)
					&& marker.charAt(i) == marker.charAt(i + 3)) {
				return true;
			}
		}
		for (int i = 0; i + 4 < marker.length(); i++) {
			int step = marker.charAt(i + 1) - marker.charAt(i);
			boolean run = step == 1 || step == -1;
			for (int j = i + 1; run && j < i + 4; j++) {
				run = marker.charAt(j + 1) - marker.charAt(j) == step;
			}
			if (run) {
				return true;
			}
		}
		return false;
	}

	public static OrganizationRequest organization(String name, OrganizationType type, String country) {
		return new OrganizationRequest(name, type, country, null, null, null, null, List.of(), null, null, null,
				Set.of(), null);
	}

	public static OrganizationRequest organization(String name, OrganizationType type, String country, String city,
			PartnershipStage stage, Set<String> tags) {
		return new OrganizationRequest(name, type, country, city, "https://example.org", null, null, List.of("en"),
				"Created by a test", stage, null, tags, null);
	}

	/**
	 * An organization as its own country knows it: a city, its one language and a stage;
	 * no website, description or tags.
	 */
	public static OrganizationRequest organizationIn(String name, OrganizationType type, String country, String city,
			String language, PartnershipStage stage) {
		return new OrganizationRequest(name, type, country, city, null, null, null, List.of(language), null, stage,
				null, Set.of(), null);
	}

	public static OrganizationRequest withVersion(OrganizationRequest request, String name, long version) {
		return new OrganizationRequest(name, request.type(), request.country(), request.city(), request.website(),
				request.email(), request.phone(), request.languages(), request.description(), request.stage(),
				request.ownerId(), request.tags(), version);
	}

	public static ContactRequest person(String given, String family, String email, String country) {
		return new ContactRequest(given, family, null, email == null ? List.of() : List.of(email), List.of(), "en",
				country, null, Set.of(), null);
	}

	/** A person with one e-mail address who prefers the given language. */
	public static ContactRequest person(String given, String family, String email, String language, String country) {
		return new ContactRequest(given, family, null, List.of(email), List.of(), language, country, null, Set.of(),
				null);
	}

	/**
	 * Creates the person and links them to the organization in {@code role}, as their
	 * primary organization, with no dates.
	 */
	public static ContactDetails createMember(Contacts contacts, ContactRequest person, long organizationId,
			String role) {
		ContactDetails created = contacts.create(person);
		contacts.affiliate(created.id(), new AffiliationRequest(organizationId, role, true, null, null, null));
		return created;
	}

}
