package org.outreachcrm.directory.bulk;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ConsentSource;
import org.outreachcrm.directory.ConsentStatus;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.directory.Tags;
import org.outreachcrm.shared.TextFolding;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The working state of one chunk of a bulk write: which rows name which organizations and
 * people, which of those exist (found with one query per kind, never one per row), and
 * which fields each row fills. Identity rules: an organization is its folded name in its
 * country; a person is their email, or without email their folded name at the same
 * organization.
 */
final class BulkChunk {

	/**
	 * An organization the chunk touches; {@code id} is null until a new one gets its id.
	 */
	static final class Org {

		@Nullable Long id;

		final String key;

		boolean isNew;

		String name = "";

		@Nullable String country;

		OrganizationType type = OrganizationType.OTHER;

		/** As stored; imports never change it, and create prospects. */
		PartnershipStage stage = PartnershipStage.PROSPECT;

		final Map<String, @Nullable String> fields = new LinkedHashMap<>();

		final Set<String> tags = new LinkedHashSet<>();

		final Map<String, FieldChange> changes = new LinkedHashMap<>();

		Org(String key) {
			this.key = key;
		}

	}

	/** A person the chunk touches. */
	static final class Person {

		@Nullable Long id;

		final String key;

		boolean isNew;

		final Map<String, @Nullable String> fields = new LinkedHashMap<>();

		@Nullable String email;

		final Set<String> phones = new LinkedHashSet<>();

		final Set<String> newPhones = new LinkedHashSet<>();

		final Set<String> tags = new LinkedHashSet<>();

		final Map<String, FieldChange> changes = new LinkedHashMap<>();

		Person(String key) {
			this.key = key;
		}

	}

	/** A stored field the chunk sets: its value before (null: it was empty) and after. */
	record FieldChange(@Nullable String before, String after) {
	}

	/** A link between a person and an organization that the chunk asks for. */
	record Link(Person person, Org org, @Nullable String role) {
	}

	static final List<String> ORG_FIELDS = List.of("city", "website", "email", "phone");

	static final List<String> PERSON_FIELDS = List.of("given_name", "family_name", "preferred_language", "country",
			"notes", "consent_status", "consent_date", "consent_source", "consent_source_detail");

	/** Filled together, and only while nobody recorded a consent (status NULL). */
	static final List<String> CONSENT_FIELDS = List.of("consent_status", "consent_date", "consent_source",
			"consent_source_detail");

	final Map<String, Org> orgs = new LinkedHashMap<>();

	final Map<String, Person> people = new LinkedHashMap<>();

	final List<Link> links = new ArrayList<>();

	final List<Long> skippedRows = new ArrayList<>();

	private final NamedParameterJdbcTemplate jdbc;

	private final ImportMode mode;

	private final BulkSession session;

	BulkChunk(NamedParameterJdbcTemplate jdbc, ImportMode mode, BulkSession session) {
		this.jdbc = jdbc;
		this.mode = mode;
		this.session = session;
	}

	/**
	 * Folded names by text, for this chunk: the rows of a list repeat organization names,
	 * and each name is needed by several look-ups and by the insert.
	 */
	private final Map<String, String> nameKeys = new HashMap<>();

	String nameKey(String text) {
		String key = this.nameKeys.get(text);
		if (key == null) {
			key = TextFolding.key(text);
			this.nameKeys.put(text, key);
		}
		return key;
	}

	String orgKey(String name, @Nullable String country) {
		return nameKey(name) + "|" + (country == null ? "" : country);
	}

	void resolve(List<DirectoryRow> rows) {
		Map<String, Org> existingOrgs = loadOrganizations(rows);
		Map<String, Long> byEmail = loadContactsByEmail(rows);
		Map<String, Long> byNameAtOrg = loadContactsByNameAtOrganization(rows, existingOrgs);
		for (DirectoryRow row : rows) {
			Org org = row.hasOrganization() ? organization(row, existingOrgs) : null;
			Person person = row.hasPerson() ? person(row, org, byEmail, byNameAtOrg) : null;
			if ((row.hasOrganization() && org == null) || (row.hasPerson() && person == null)) {
				this.skippedRows.add(row.rowNumber());
			}
			if (org != null && person != null) {
				this.links.add(new Link(person, org, blankToNull(row.role())));
			}
		}
		loadPersonDetails();
	}

	private @Nullable Org organization(DirectoryRow row, Map<String, Org> existing) {
		String name = Objects.requireNonNull(row.organizationName()).strip();
		String key = orgKey(name, row.country());
		Org org = this.orgs.get(key);
		if (org == null) {
			org = existing.get(key);
			if (org == null) {
				if (this.mode == ImportMode.UPDATE_ONLY) {
					return null;
				}
				org = new Org(key);
				org.isNew = !this.session.alreadyCreated("o:" + key);
				org.name = name;
				org.country = row.country();
				org.type = row.organizationType() == null ? OrganizationType.OTHER : row.organizationType();
			}
			this.orgs.put(key, org);
		}
		boolean fill = org.isNew || this.mode != ImportMode.CREATE_ONLY;
		if (fill) {
			fillOrg(org, "city", row.city());
			fillOrg(org, "website", row.website());
			fillOrg(org, "email", row.organizationEmail());
			fillOrg(org, "phone", row.organizationPhone());
			if (org.type == OrganizationType.OTHER && row.organizationType() != null
					&& row.organizationType() != OrganizationType.OTHER) {
				if (!org.isNew && org.id != null) {
					org.changes.putIfAbsent("type", new FieldChange(org.type.name(), row.organizationType().name()));
				}
				org.type = row.organizationType();
			}
			org.tags.addAll(Tags.normalize(row.tags()));
		}
		return org;
	}

	private void fillOrg(Org org, String field, @Nullable String value) {
		String clean = blankToNull(value);
		if (clean != null && org.fields.get(field) == null) {
			if (!org.isNew && org.id != null) {
				org.changes.putIfAbsent(field, new FieldChange(null, clean));
			}
			org.fields.put(field, clean);
		}
	}

	private @Nullable Person person(DirectoryRow row, @Nullable Org org, Map<String, Long> byEmail,
			Map<String, Long> byNameAtOrg) {
		String email = blankToNull(row.email());
		String key = email != null ? "e:" + email
				: "n:" + nameKey(row.personName()) + "|" + (org == null ? "" : org.key);
		Person person = this.people.get(key);
		if (person == null) {
			Long existingId = email != null ? byEmail.get(email) : null;
			if (existingId == null && email == null && org != null && org.id != null) {
				existingId = byNameAtOrg.get(nameAtOrganization(nameKey(row.personName()), org.id));
			}
			if (existingId == null && this.mode == ImportMode.UPDATE_ONLY) {
				return null;
			}
			person = new Person(key);
			person.id = existingId;
			person.isNew = existingId == null && !this.session.alreadyCreated("p:" + key);
			person.email = email;
			if (person.isNew) {
				person.fields.put("display_name", row.personName().isEmpty() ? email : row.personName());
			}
			this.people.put(key, person);
		}
		if (person.isNew || this.mode != ImportMode.CREATE_ONLY) {
			person.fields.putIfAbsent("given_name", blankToNull(row.givenName()));
			person.fields.putIfAbsent("family_name", blankToNull(row.familyName()));
			person.fields.putIfAbsent("preferred_language", blankToNull(row.preferredLanguage()));
			person.fields.putIfAbsent("country", blankToNull(row.country()));
			person.fields.putIfAbsent("notes", blankToNull(row.notes()));
			if (row.consentDate() != null && person.fields.get("consent_date") == null) {
				person.fields.put("consent_status", ConsentStatus.GIVEN.name());
				person.fields.put("consent_date", row.consentDate());
				person.fields.put("consent_source", ConsentSource.IMPORT.name());
				person.fields.put("consent_source_detail", row.consentFile());
			}
			if (row.phone() != null && !row.phone().isBlank()) {
				person.newPhones.add(row.phone().strip());
			}
			person.tags.addAll(Tags.normalize(row.tags()));
		}
		return person;
	}

	/**
	 * The people without email of the chunk who are already known at a stored
	 * organization, by folded name and organization: one query for the chunk, the lowest
	 * id winning where two people share a name there.
	 */
	private Map<String, Long> loadContactsByNameAtOrganization(List<DirectoryRow> rows, Map<String, Org> existingOrgs) {
		Set<String> nameKeys = new LinkedHashSet<>();
		Set<Long> organizations = new LinkedHashSet<>();
		for (DirectoryRow row : rows) {
			if (row.hasPerson() && row.hasOrganization() && blankToNull(row.email()) == null) {
				Org org = existingOrgs
					.get(orgKey(Objects.requireNonNull(row.organizationName()).strip(), row.country()));
				if (org != null && org.id != null) {
					nameKeys.add(nameKey(row.personName()));
					organizations.add(org.id);
				}
			}
		}
		Map<String, Long> found = new HashMap<>();
		if (nameKeys.isEmpty()) {
			return found;
		}
		this.jdbc.query("""
				SELECT c.id, c.name_key, a.organization_id FROM contact c JOIN affiliation a ON a.contact_id = c.id
				WHERE c.name_key IN (:nameKeys) AND a.organization_id IN (:orgs) ORDER BY c.id""",
				Map.of("nameKeys", nameKeys, "orgs", organizations), (ResultSet rs) -> {
					found.putIfAbsent(nameAtOrganization(rs.getString(2), rs.getLong(3)), rs.getLong(1));
				});
		return found;
	}

	private static String nameAtOrganization(String nameKey, long organizationId) {
		return nameKey + "@" + organizationId;
	}

	private Map<String, Org> loadOrganizations(List<DirectoryRow> rows) {
		Set<String> nameKeys = new LinkedHashSet<>();
		for (DirectoryRow row : rows) {
			if (row.hasOrganization()) {
				nameKeys.add(nameKey(Objects.requireNonNull(row.organizationName()).strip()));
			}
		}
		Map<String, Org> found = new HashMap<>();
		if (nameKeys.isEmpty()) {
			return found;
		}
		this.jdbc.query("""
				SELECT id, name, name_key, country, type, stage, city, website, email, phone FROM organization
				WHERE name_key IN (:keys)""", Map.of("keys", nameKeys), (ResultSet rs) -> {
			String key = rs.getString("name_key") + "|" + Objects.toString(rs.getString("country"), "");
			if (!found.containsKey(key)) {
				Org org = new Org(key);
				org.id = rs.getLong("id");
				org.name = rs.getString("name");
				org.country = rs.getString("country");
				org.type = OrganizationType.valueOf(rs.getString("type"));
				org.stage = PartnershipStage.valueOf(rs.getString("stage"));
				for (String field : ORG_FIELDS) {
					org.fields.put(field, rs.getString(field));
				}
				found.put(key, org);
			}
		});
		return found;
	}

	private Map<String, Long> loadContactsByEmail(List<DirectoryRow> rows) {
		Set<String> emails = new LinkedHashSet<>();
		for (DirectoryRow row : rows) {
			if (row.email() != null && !row.email().isBlank()) {
				emails.add(row.email().strip());
			}
		}
		Map<String, Long> found = new HashMap<>();
		if (!emails.isEmpty()) {
			this.jdbc.query("SELECT email, contact_id FROM contact_email WHERE email IN (:emails) ORDER BY contact_id",
					Map.of("emails", emails), (ResultSet rs) -> {
						found.putIfAbsent(rs.getString(1), rs.getLong(2));
					});
		}
		return found;
	}

	/**
	 * Loads stored fields and phones of the existing people, and works out what rows
	 * change.
	 */
	private void loadPersonDetails() {
		Map<Long, Person> existing = new HashMap<>();
		this.people.values().stream().filter((p) -> p.id != null).forEach((p) -> existing.put(p.id, p));
		if (existing.isEmpty()) {
			return;
		}
		Map<Long, Map<String, @Nullable String>> stored = new HashMap<>();
		this.jdbc.query("SELECT id, " + String.join(", ", PERSON_FIELDS) + " FROM contact WHERE id IN (:ids)",
				Map.of("ids", existing.keySet()), (ResultSet rs) -> {
					Map<String, @Nullable String> values = new HashMap<>();
					for (String field : PERSON_FIELDS) {
						values.put(field, rs.getString(field));
					}
					stored.put(rs.getLong("id"), values);
				});
		this.jdbc.query("SELECT contact_id, phone FROM contact_phone WHERE contact_id IN (:ids)",
				Map.of("ids", existing.keySet()), (ResultSet rs) -> {
					existing.get(rs.getLong(1)).phones.add(rs.getString(2));
				});
		for (Person person : existing.values()) {
			Map<String, @Nullable String> values = stored.getOrDefault(person.id, Map.of());
			Map<String, @Nullable String> wanted = new LinkedHashMap<>(person.fields);
			if (values.get("consent_status") != null) {
				CONSENT_FIELDS.forEach(wanted::remove);
			}
			person.fields.clear();
			for (String field : PERSON_FIELDS) {
				String current = values.get(field);
				String value = wanted.get(field);
				if (current == null && value != null) {
					person.changes.put(field, new FieldChange(null, value));
					person.fields.put(field, value);
				}
			}
			person.newPhones.removeAll(person.phones);
		}
	}

	/** Organizations and people this chunk creates, in the order first seen. */
	List<Org> newOrgs() {
		return this.orgs.values().stream().filter((o) -> o.isNew && o.id == null).toList();
	}

	List<Person> newPeople() {
		return this.people.values().stream().filter((p) -> p.isNew && p.id == null).toList();
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
