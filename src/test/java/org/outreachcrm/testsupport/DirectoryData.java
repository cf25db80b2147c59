package org.outreachcrm.testsupport;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.outreachcrm.directory.ContactRequest;
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
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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

	public static OrganizationRequest withVersion(OrganizationRequest request, String name, long version) {
		return new OrganizationRequest(name, request.type(), request.country(), request.city(), request.website(),
				request.email(), request.phone(), request.languages(), request.description(), request.stage(),
				request.ownerId(), request.tags(), version);
	}

	public static ContactRequest person(String given, String family, String email, String country) {
		return new ContactRequest(given, family, null, email == null ? List.of() : List.of(email), List.of(), "en",
				country, null, Set.of(), null);
	}

}
