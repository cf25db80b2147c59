package org.outreachcrm.directory.bulk;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.PartnershipStage;
import org.outreachcrm.directory.SearchIndex;
import org.outreachcrm.directory.bulk.BulkChunk.FieldChange;
import org.outreachcrm.directory.bulk.BulkChunk.Link;
import org.outreachcrm.directory.bulk.BulkChunk.Org;
import org.outreachcrm.directory.bulk.BulkChunk.Person;
import org.outreachcrm.directory.bulk.RecordChange.Kind;
import org.outreachcrm.shared.TextFolding;
import org.outreachcrm.shared.BatchRows;
import org.outreachcrm.shared.BulkInsert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The work behind {@link DirectoryImport}: resolves the identities of a whole chunk with
 * a few queries (one per kind of identity, never one per row) and writes it with JDBC
 * batches and set-based statements (ids reserved by block, no per-row entity saves).
 */
@Component
class BulkWriter {

	private static final int REVERT_BATCH = 1000;

	private static final List<String> ORGANIZATION_COLUMNS = List.of("id", "name", "name_key", "type", "country",
			"city", "website", "email", "phone", "stage", "created_at", "created_by", "updated_at", "updated_by");

	private static final List<String> CONTACT_COLUMNS = List.of("id", "given_name", "family_name", "display_name",
			"name_key", "preferred_language", "country", "notes", "consent_status", "consent_date", "consent_source",
			"consent_source_detail", "created_at", "created_by", "updated_at", "updated_by");

	private static final List<String> PHONE_COLUMNS = List.of("contact_id", "position", "phone");

	private final NamedParameterJdbcTemplate named;

	private final JdbcTemplate jdbc;

	private final IdBlocks ids;

	private final SearchIndex index;

	private final Clock clock;

	private final BulkInsert bulk;

	BulkWriter(NamedParameterJdbcTemplate named, JdbcTemplate jdbc, IdBlocks ids, SearchIndex index, Clock clock,
			BulkInsert bulk) {
		this.bulk = bulk;
		this.named = named;
		this.jdbc = jdbc;
		this.ids = ids;
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Creates and updates the organizations, people and affiliations that {@code rows}
	 * name, following {@code mode}. In a dry run nothing is written and the counts say
	 * what would be.
	 */
	BulkOutcome write(List<DirectoryRow> rows, ImportMode mode, BulkSession session, String actor) {
		BulkChunk chunk = new BulkChunk(this.named, mode, session);
		chunk.resolve(rows);
		List<Org> newOrgs = chunk.newOrgs();
		List<Person> newPeople = chunk.newPeople();
		List<Org> changedOrgs = chunk.orgs.values().stream().filter((o) -> !o.isNew && !o.changes.isEmpty()).toList();
		List<Person> changedPeople = chunk.people.values()
			.stream()
			.filter((p) -> !p.isNew && p.id != null && (!p.changes.isEmpty() || !p.newPhones.isEmpty()))
			.toList();
		newOrgs.forEach((o) -> session.created("o:" + o.key));
		newPeople.forEach((p) -> session.created("p:" + p.key));
		if (session.isDryRun()) {
			int links = (int) chunk.links.stream()
				.filter((l) -> l.person().id == null || l.org().id == null)
				.map((l) -> l.person().key + "@" + l.org().key)
				.distinct()
				.count();
			return new BulkOutcome(newOrgs.size(), changedOrgs.size(), newPeople.size(), changedPeople.size(), links,
					List.of(), chunk.skippedRows);
		}
		List<RecordChange> changes = new ArrayList<>();
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		insertOrganizations(chunk, newOrgs, now, actor, changes);
		updateOrganizations(changedOrgs, now, actor, changes);
		insertPeople(newPeople, now, actor, changes);
		updatePeople(changedPeople, now, actor, changes);
		Set<Long> touchedOrgs = new HashSet<>();
		Set<Long> touchedPeople = new HashSet<>();
		addTags(chunk, changes, touchedOrgs, touchedPeople);
		List<Link> created = link(chunk.links, mode, now, actor, changes);
		// new records are indexed from what was just written; only records that existed
		// before are re-read and re-indexed
		indexNew(newOrgs, newPeople, created);
		newOrgs.forEach((o) -> touchedOrgs.remove(o.id));
		newPeople.forEach((p) -> touchedPeople.remove(p.id));
		changedOrgs.forEach((o) -> touchedOrgs.add(o.id));
		changedPeople.forEach((p) -> touchedPeople.add(p.id));
		// people found in the directory who got a new organization: its type and stage
		// are facets of their tokens
		created.stream().filter((l) -> !l.person().isNew).forEach((l) -> touchedPeople.add(l.person().id));
		this.index.reindexOrganizations(touchedOrgs);
		this.index.reindexContacts(touchedPeople);
		Set<Long> retyped = new HashSet<>();
		changedOrgs.stream().filter((o) -> o.changes.containsKey("type")).forEach((o) -> retyped.add(o.id));
		this.index.reindexPeopleOf(retyped);
		int affiliations = created.size();
		return new BulkOutcome(newOrgs.size(), changedOrgs.size(), newPeople.size(), changedPeople.size(), affiliations,
				changes, chunk.skippedRows);
	}

	private void indexNew(List<Org> orgs, List<Person> people, List<Link> created) {
		Map<Long, List<@Nullable String>> orgTexts = new HashMap<>();
		for (Org org : orgs) {
			List<@Nullable String> texts = new ArrayList<>(List.of(org.name));
			texts.add(org.fields.get("city"));
			texts.add(org.fields.get("email"));
			texts.add(org.fields.get("website"));
			texts.addAll(org.tags);
			orgTexts.put(Objects.requireNonNull(org.id), texts);
		}
		Map<Long, List<@Nullable String>> personTexts = new HashMap<>();
		for (Person person : people) {
			List<@Nullable String> texts = new ArrayList<>();
			texts.add(person.fields.get("display_name"));
			texts.add(person.fields.get("given_name"));
			texts.add(person.fields.get("family_name"));
			texts.add((person.email != null) ? SearchIndex.personalPart(person.email) : null);
			texts.addAll(person.tags);
			personTexts.put(Objects.requireNonNull(person.id), texts);
		}
		// a new person's affiliations are the ones this chunk just created, open-ended
		Map<Long, List<SearchIndex.Facet>> facets = new HashMap<>();
		for (Link link : created) {
			if (link.person().isNew) {
				SearchIndex.Facet facet = new SearchIndex.Facet(link.org().type.name(), link.org().stage.name(), null);
				List<SearchIndex.Facet> of = facets.computeIfAbsent(Objects.requireNonNull(link.person().id),
						(k) -> new ArrayList<>());
				if (!of.contains(facet)) {
					of.add(facet);
				}
			}
		}
		this.index.addOrganizations(orgTexts);
		this.index.addContacts(personTexts, facets);
	}

	private void insertOrganizations(BulkChunk chunk, List<Org> orgs, LocalDateTime now, String actor,
			List<RecordChange> changes) {
		long next = this.ids.reserve("organization", orgs.size());
		List<Object[]> rows = new ArrayList<>();
		for (Org org : orgs) {
			org.id = next++;
			rows.add(new Object[] { org.id, org.name, chunk.nameKey(org.name), org.type.name(), org.country,
					org.fields.get("city"), org.fields.get("website"), org.fields.get("email"), org.fields.get("phone"),
					PartnershipStage.PROSPECT.name(), now, actor, now, actor });
			changes.add(RecordChange.created(Kind.ORGANIZATION, org.id));
		}
		this.bulk.insert("organization", ORGANIZATION_COLUMNS, Map.of("version", "0"), rows);
	}

	private void updateOrganizations(List<Org> orgs, LocalDateTime now, String actor, List<RecordChange> changes) {
		Map<Long, Map<String, FieldChange>> byId = new LinkedHashMap<>();
		for (Org org : orgs) {
			long id = Objects.requireNonNull(org.id);
			org.changes.forEach((field, values) -> changes
				.add(new RecordChange(Kind.ORGANIZATION, id, field, values.before(), values.after())));
			byId.put(id, org.changes);
		}
		updateInBatches("organization", byId, now, actor);
	}

	/**
	 * Sets the changed fields of stored records: one JDBC batch per set of fields that
	 * change together (a handful per chunk), never a statement sent per record.
	 */
	private void updateInBatches(String table, Map<Long, Map<String, FieldChange>> changesById, LocalDateTime now,
			String actor) {
		Map<List<String>, List<Object[]>> batches = new LinkedHashMap<>();
		changesById.forEach((id, fieldChanges) -> {
			List<String> fields = new ArrayList<>(new TreeSet<>(fieldChanges.keySet()));
			List<Object> values = new ArrayList<>();
			fields.forEach((field) -> values.add(fieldChanges.get(field).after()));
			values.add(now);
			values.add(actor);
			values.add(id);
			batches.computeIfAbsent(fields, (k) -> new ArrayList<>()).add(values.toArray());
		});
		batches.forEach((fields, rows) -> {
			StringBuilder sets = new StringBuilder();
			fields.forEach((field) -> sets.append(field).append(" = ?, "));
			BatchRows.execute(this.jdbc, "UPDATE " + table + " SET " + sets
					+ "updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?", rows);
		});
	}

	private void insertPeople(List<Person> people, LocalDateTime now, String actor, List<RecordChange> changes) {
		long next = this.ids.reserve("contact", people.size());
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> emails = new ArrayList<>();
		List<Object[]> phones = new ArrayList<>();
		for (Person person : people) {
			person.id = next++;
			String display = Objects.requireNonNull(person.fields.get("display_name"));
			rows.add(new Object[] { person.id, person.fields.get("given_name"), person.fields.get("family_name"),
					display, TextFolding.key(display), person.fields.get("preferred_language"),
					person.fields.get("country"), person.fields.get("notes"), person.fields.get("consent_status"),
					person.fields.get("consent_date"), person.fields.get("consent_source"),
					person.fields.get("consent_source_detail"), now, actor, now, actor });
			if (person.email != null) {
				emails.add(new Object[] { person.id, 0, person.email });
			}
			int position = 0;
			for (String phone : person.newPhones) {
				phones.add(new Object[] { person.id, position++, phone });
			}
			changes.add(RecordChange.created(Kind.CONTACT, person.id));
		}
		this.bulk.insert("contact", CONTACT_COLUMNS, Map.of("version", "0"), rows);
		this.bulk.insert("contact_email", List.of("contact_id", "position", "email"), emails);
		this.bulk.insert("contact_phone", PHONE_COLUMNS, phones);
	}

	private void updatePeople(List<Person> people, LocalDateTime now, String actor, List<RecordChange> changes) {
		Map<Long, Integer> nextPhonePosition = new HashMap<>();
		Set<Long> ids = new LinkedHashSet<>();
		people.forEach((p) -> ids.add(p.id));
		if (!ids.isEmpty()) {
			this.named.query("SELECT contact_id, MAX(position) FROM contact_phone WHERE contact_id IN (:ids) "
					+ "GROUP BY contact_id", Map.of("ids", ids), (ResultSet rs) -> {
						nextPhonePosition.put(rs.getLong(1), rs.getInt(2) + 1);
					});
		}
		List<Object[]> phones = new ArrayList<>();
		Map<Long, Map<String, FieldChange>> byId = new LinkedHashMap<>();
		for (Person person : people) {
			long id = Objects.requireNonNull(person.id);
			person.changes.forEach((field, values) -> changes
				.add(new RecordChange(Kind.CONTACT, id, field, values.before(), values.after())));
			int position = nextPhonePosition.getOrDefault(id, 0);
			for (String phone : person.newPhones) {
				phones.add(new Object[] { id, position++, phone });
				changes.add(new RecordChange(Kind.CONTACT, id, "phone", null, phone));
			}
			byId.put(id, person.changes);
		}
		updateInBatches("contact", byId, now, actor);
		this.bulk.insert("contact_phone", PHONE_COLUMNS, phones);
	}

	private void addTags(BulkChunk chunk, List<RecordChange> changes, Set<Long> touchedOrgs, Set<Long> touchedPeople) {
		Map<Long, Set<String>> orgTags = new HashMap<>();
		chunk.orgs.values().forEach((o) -> {
			if (o.id != null && !o.tags.isEmpty()) {
				orgTags.put(o.id, o.tags);
			}
		});
		Map<Long, Set<String>> personTags = new HashMap<>();
		chunk.people.values().forEach((p) -> {
			if (p.id != null && !p.tags.isEmpty()) {
				personTags.put(p.id, p.tags);
			}
		});
		insertMissingTags("organization_tag", "organization_id", orgTags, Kind.ORGANIZATION, changes, touchedOrgs);
		insertMissingTags("contact_tag", "contact_id", personTags, Kind.CONTACT, changes, touchedPeople);
	}

	private void insertMissingTags(String table, String idColumn, Map<Long, Set<String>> wanted, Kind kind,
			List<RecordChange> changes, Set<Long> touched) {
		if (wanted.isEmpty()) {
			return;
		}
		Set<String> existing = new HashSet<>();
		this.named.query("SELECT " + idColumn + ", tag FROM " + table + " WHERE " + idColumn + " IN (:ids)",
				Map.of("ids", wanted.keySet()), (ResultSet rs) -> {
					existing.add(rs.getLong(1) + "|" + rs.getString(2));
				});
		List<Object[]> rows = new ArrayList<>();
		wanted.forEach((id, tags) -> tags.forEach((tag) -> {
			if (existing.add(id + "|" + tag)) {
				rows.add(new Object[] { id, tag });
				changes.add(new RecordChange(kind, id, "tag", null, tag));
				touched.add(id);
			}
		}));
		BatchRows.execute(this.jdbc, "INSERT INTO " + table + " (" + idColumn + ", tag) VALUES (?, ?)", rows);
	}

	/** Creates the affiliations that are missing and returns the links it created. */
	private List<Link> link(List<Link> links, ImportMode mode, LocalDateTime now, String actor,
			List<RecordChange> changes) {
		// people created by this chunk have no affiliations yet: ask only about the
		// others
		Set<Long> people = new HashSet<>();
		links.forEach((l) -> {
			if (!l.person().isNew) {
				people.add(l.person().id);
			}
		});
		Map<String, StoredLink> existing = new HashMap<>();
		if (!people.isEmpty()) {
			this.named.query("SELECT id, contact_id, organization_id, role FROM affiliation WHERE contact_id IN (:ids)",
					Map.of("ids", people), (ResultSet rs) -> {
						existing.putIfAbsent(rs.getLong(2) + "@" + rs.getLong(3),
								new StoredLink(rs.getLong(1), rs.getString(4)));
					});
		}
		List<Link> toCreate = new ArrayList<>();
		List<Object[]> roles = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Link link : links) {
			String key = link.person().id + "@" + link.org().id;
			if (!seen.add(key)) {
				continue;
			}
			StoredLink stored = existing.get(key);
			if (stored == null && mode != ImportMode.UPDATE_ONLY) {
				toCreate.add(link);
			}
			else if (stored != null && stored.role() == null && link.role() != null && mode != ImportMode.CREATE_ONLY) {
				long id = stored.id();
				roles.add(new Object[] { link.role(), now, actor, id });
				changes.add(new RecordChange(Kind.AFFILIATION, id, "role", null, link.role()));
			}
		}
		BatchRows.execute(this.jdbc, "UPDATE affiliation SET role = ?, updated_at = ?, updated_by = ?, "
				+ "version = version + 1 WHERE id = ?", roles);
		long next = this.ids.reserve("affiliation", toCreate.size());
		List<Object[]> rows = new ArrayList<>();
		for (Link link : toCreate) {
			long id = next++;
			rows.add(new Object[] { id, link.person().id, link.org().id, link.role(), now, actor, now, actor });
			changes.add(RecordChange.created(Kind.AFFILIATION, id));
		}
		this.bulk.insert("affiliation", List.of("id", "contact_id", "organization_id", "role", "created_at",
				"created_by", "updated_at", "updated_by"), Map.of("primary_affiliation", "FALSE", "version", "0"),
				rows);
		return toCreate;
	}

	/** See {@link DirectoryImport#revert}. */
	RevertOutcome revert(List<RecordChange> changes, java.time.Instant writtenUntil) {
		LocalDateTime until = LocalDateTime.ofInstant(writtenUntil, ZoneOffset.UTC);
		List<String> keptBecauseEdited = new ArrayList<>();
		int restored = 0;
		Set<Long> touchedOrgs = new HashSet<>();
		Set<Long> touchedPeople = new HashSet<>();
		Set<Long> retyped = new HashSet<>();
		// people whose affiliations the undo removes; those removed too are skipped by
		// the
		// index, so no existence check per person
		Set<Long> relinked = new HashSet<>();
		List<RecordChange> notRestored = new ArrayList<>();
		// one JDBC batch per statement (a table's field, its tags, phones), a thousand
		// changes at a time, never a statement sent per change; each change's own count
		// says whether it was restored (its value was still the one the import wrote)
		Map<String, List<RecordChange>> byStatement = new LinkedHashMap<>();
		for (RecordChange change : changes) {
			if (!change.created()) {
				byStatement.computeIfAbsent(restoreStatement(change), (k) -> new ArrayList<>()).add(change);
			}
		}
		for (Map.Entry<String, List<RecordChange>> statement : byStatement.entrySet()) {
			List<RecordChange> all = statement.getValue();
			for (int from = 0; from < all.size(); from += REVERT_BATCH) {
				List<RecordChange> batch = all.subList(from, Math.min(all.size(), from + REVERT_BATCH));
				int[] counts = BatchRows.execute(this.jdbc, statement.getKey(),
						batch.stream().map(BulkWriter::restoreArguments).toList());
				for (int i = 0; i < batch.size(); i++) {
					RecordChange change = batch.get(i);
					if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
						restored++;
						// an affiliation's role is no part of any search token
						if (change.kind() != Kind.AFFILIATION) {
							(change.kind() == Kind.CONTACT ? touchedPeople : touchedOrgs).add(change.id());
						}
						if (change.kind() == Kind.ORGANIZATION && "type".equals(change.field())) {
							retyped.add(change.id());
						}
					}
					else {
						notRestored.add(change);
					}
				}
			}
		}
		// a field left alone is listed when its record is still there: one query per
		// table for all of them
		Map<Kind, Set<Long>> stillThere = new HashMap<>();
		for (Kind kind : Kind.values()) {
			stillThere.put(kind, existing(table(kind),
					notRestored.stream().filter((change) -> change.kind() == kind).map(RecordChange::id).toList()));
		}
		for (RecordChange change : notRestored) {
			if (stillThere.get(change.kind()).contains(change.id())) {
				keptBecauseEdited.add(change.kind() + " " + change.id() + ": " + change.field() + " was changed since");
			}
		}
		int[] removed = new int[3];
		for (Kind kind : List.of(Kind.AFFILIATION, Kind.CONTACT, Kind.ORGANIZATION)) {
			String table = table(kind);
			List<Long> created = changes.stream()
				.filter((change) -> change.created() && change.kind() == kind)
				.map(RecordChange::id)
				.toList();
			// a batch of deletes per thousand records, not a statement per record
			for (int from = 0; from < created.size(); from += REVERT_BATCH) {
				List<Long> ids = created.subList(from, Math.min(created.size(), from + REVERT_BATCH));
				if (kind == Kind.AFFILIATION) {
					// people who stay lose these organizations from their tokens' facets
					relinked.addAll(this.named.queryForList("SELECT contact_id FROM affiliation WHERE id IN (:ids)",
							Map.of("ids", ids), Long.class));
				}
				int[] deleted = BatchRows.execute(this.jdbc,
						"DELETE FROM " + table + " WHERE id = ? AND updated_at <= ?",
						ids.stream().map((id) -> new Object[] { id, until }).toList());
				List<Long> left = new ArrayList<>();
				for (int i = 0; i < ids.size(); i++) {
					if (deleted[i] > 0 || deleted[i] == java.sql.Statement.SUCCESS_NO_INFO) {
						removed[kind.ordinal()]++;
					}
					else {
						left.add(ids.get(i));
					}
				}
				Set<Long> kept = existing(table, left);
				left.stream()
					.filter(kept::contains)
					.forEach((id) -> keptBecauseEdited.add(kind + " " + id + " was edited after the import"));
			}
		}
		touchedOrgs.retainAll(existing("organization", touchedOrgs));
		touchedPeople.retainAll(existing("contact", touchedPeople));
		retyped.retainAll(existing("organization", retyped));
		this.index.reindexOrganizations(touchedOrgs);
		this.index.reindexContacts(touchedPeople);
		relinked.removeAll(touchedPeople);
		this.index.reindexContacts(relinked);
		this.index.reindexPeopleOf(retyped);
		return new RevertOutcome(removed[Kind.ORGANIZATION.ordinal()], removed[Kind.CONTACT.ordinal()],
				removed[Kind.AFFILIATION.ordinal()], restored, keptBecauseEdited);
	}

	/** The statement that undoes a change of a field, tag or phone. */
	private static String restoreStatement(RecordChange change) {
		String table = table(change.kind());
		String field = Objects.requireNonNull(change.field());
		return switch (field) {
			case "tag" -> "DELETE FROM " + table + "_tag WHERE " + table + "_id = ? AND tag = ?";
			case "phone" -> "DELETE FROM contact_phone WHERE contact_id = ? AND phone = ?";
			default ->
				"UPDATE " + table + " SET " + field + " = ?, version = version + 1 WHERE id = ? AND " + field + " = ?";
		};
	}

	private static Object[] restoreArguments(RecordChange change) {
		return switch (Objects.requireNonNull(change.field())) {
			case "tag", "phone" -> new Object[] { change.id(), change.newValue() };
			default -> new Object[] { change.oldValue(), change.id(), change.newValue() };
		};
	}

	/** Which of {@code ids} are still stored: one query per thousand ids. */
	private Set<Long> existing(String table, Collection<Long> ids) {
		Set<Long> found = new HashSet<>();
		List<Long> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += REVERT_BATCH) {
			found.addAll(this.named.queryForList("SELECT id FROM " + table + " WHERE id IN (:ids)",
					Map.of("ids", all.subList(from, Math.min(all.size(), from + REVERT_BATCH))), Long.class));
		}
		return found;
	}

	private static String table(Kind kind) {
		return switch (kind) {
			case ORGANIZATION -> "organization";
			case CONTACT -> "contact";
			case AFFILIATION -> "affiliation";
		};
	}

	/** An affiliation already stored between a person and an organization. */
	private record StoredLink(long id, @Nullable String role) {
	}

}
