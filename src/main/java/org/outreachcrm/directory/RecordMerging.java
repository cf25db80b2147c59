package org.outreachcrm.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.ConflictException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate organization or person into the record that stays, and undoes such a
 * merge. The kept record takes per differing field the chosen value, the union of tags
 * (and of a person's e-mails and phones) and the stricter consent; the merged record's
 * affiliations move here, the other modules move their rows on {@link RecordsMerged}; the
 * merged row is deleted (its values stay in the history and in the merge's snapshot) and
 * an undo inserts it again with the same id. Everything moved is recorded in the
 * {@link MergeLedger}.
 */
@Service
@Transactional
public class RecordMerging {

	/** The organization fields a merge request may choose values of. */
	public static final List<String> ORGANIZATION_FIELDS = List.of("name", "type", "country", "city", "website",
			"email", "phone", "languages", "description", "stage", "owner");

	/** The person fields a merge request may choose values of. */
	public static final List<String> CONTACT_FIELDS = List.of("givenName", "familyName", "displayName",
			"preferredLanguage", "country", "notes");

	static final String AFFILIATION = "AFFILIATION";

	static final String AFFILIATION_FOLDED = "AFFILIATION_FOLDED";

	private final OrganizationRepository organizationRepository;

	private final ContactRepository contactRepository;

	private final Organizations organizations;

	private final Contacts contacts;

	private final MergeLedger ledger;

	private final SearchIndex index;

	private final CurrentScope scope;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecordMerging(OrganizationRepository organizationRepository, ContactRepository contactRepository,
			Organizations organizations, Contacts contacts, MergeLedger ledger, SearchIndex index, CurrentScope scope,
			JdbcTemplate jdbc, EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
		this.organizationRepository = organizationRepository;
		this.contactRepository = contactRepository;
		this.organizations = organizations;
		this.contacts = contacts;
		this.ledger = ledger;
		this.index = index;
		this.scope = scope;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.events = events;
		this.clock = clock;
	}

	/** Merges organization {@code request.mergeId()} into {@code keptId}. */
	public OrganizationDetails mergeOrganizations(long keptId, MergeRequest request) {
		check(keptId, request, ORGANIZATION_FIELDS);
		freshReads();
		Organization kept = organization(keptId);
		Organization merged = organization(request.mergeId());
		StaleVersionException.check("Organization", keptId, request.version(), kept.version());
		OrganizationDetails k = kept.toDetails(null);
		OrganizationDetails m = merged.toDetails(null);
		checkCountries(k.country(), m.country());
		Map<String, MergeChoice> fields = fields(request);
		long mergedId = m.id();
		long mergeId = start(MergeKind.ORGANIZATION, keptId, mergedId, m.name(), organizationSnapshot(keptId),
				organizationSnapshot(mergedId));
		AuditSource.run(ChangeSource.MERGE, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			moveAffiliations(mergeId, MergeKind.ORGANIZATION, keptId, mergedId);
			this.entityManager.clear();
			Organization stays = organization(keptId);
			Set<String> tags = new TreeSet<>(k.tags());
			tags.addAll(m.tags());
			stays.apply(new OrganizationRequest(pick(fields, "name", k.name(), m.name()),
					pick(fields, "type", k.type(), m.type()), pick(fields, "country", k.country(), m.country()),
					pick(fields, "city", k.city(), m.city()), pick(fields, "website", k.website(), m.website()),
					pick(fields, "email", k.email(), m.email()), pick(fields, "phone", k.phone(), m.phone()),
					pick(fields, "languages", k.languages(), m.languages()),
					pick(fields, "description", k.description(), m.description()),
					pick(fields, "stage", k.stage(), m.stage()), pick(fields, "owner", k.ownerId(), m.ownerId()), tags,
					null));
			this.organizationRepository.delete(organization(mergedId));
			this.entityManager.flush();
			this.index.reindexOrganizations(List.of(keptId));
			this.index.reindexPeopleOf(List.of(keptId));
			this.events.publishEvent(new RecordsMerged(mergeId, MergeKind.ORGANIZATION, keptId, mergedId));
			finish(mergeId, stays.version());
		});
		this.entityManager.clear();
		return this.organizations.get(keptId);
	}

	/** Merges person {@code request.mergeId()} into {@code keptId}. */
	public ContactDetails mergeContacts(long keptId, MergeRequest request) {
		check(keptId, request, CONTACT_FIELDS);
		freshReads();
		Contact kept = contact(keptId);
		Contact merged = contact(request.mergeId());
		StaleVersionException.check("Contact", keptId, request.version(), kept.version());
		ContactDetails k = kept.toDetails(List.of());
		ContactDetails m = merged.toDetails(List.of());
		checkCountries(k.country(), m.country());
		Map<String, MergeChoice> fields = fields(request);
		long mergedId = m.id();
		long mergeId = start(MergeKind.CONTACT, keptId, mergedId, m.displayName(), contactSnapshot(keptId),
				contactSnapshot(mergedId));
		AuditSource.run(ChangeSource.MERGE, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			moveAffiliations(mergeId, MergeKind.CONTACT, keptId, mergedId);
			this.entityManager.clear();
			Contact stays = contact(keptId);
			Set<String> tags = new TreeSet<>(k.tags());
			tags.addAll(m.tags());
			stays.apply(new ContactRequest(pick(fields, "givenName", k.givenName(), m.givenName()),
					pick(fields, "familyName", k.familyName(), m.familyName()),
					pick(fields, "displayName", k.displayName(), m.displayName()), union(k.emails(), m.emails()),
					union(k.phones(), m.phones()),
					pick(fields, "preferredLanguage", k.preferredLanguage(), m.preferredLanguage()),
					pick(fields, "country", k.country(), m.country()), pick(fields, "notes", k.notes(), m.notes()),
					tags, null));
			Consent consent = stricter(k.consent(), m.consent());
			if (consent != k.consent()) {
				stays.applyConsent(new ConsentRequest(consent.status(), consent.date(), consent.source(),
						consent.sourceDetail(), consent.purpose(), null));
			}
			this.contactRepository.delete(contact(mergedId));
			this.entityManager.flush();
			this.index.reindexContacts(List.of(keptId));
			this.events.publishEvent(new RecordsMerged(mergeId, MergeKind.CONTACT, keptId, mergedId));
			finish(mergeId, stays.version());
		});
		this.entityManager.clear();
		return this.contacts.get(keptId);
	}

	/**
	 * Undoes a merge while nothing later conflicts: the kept record gets its values from
	 * before the merge back, the merged one returns with its id, and every row moved from
	 * it moves back. Refused (409) when the kept record was merged away, deleted or
	 * changed since, or when a moved row was deleted or moved since.
	 */
	public MergeUndone undo(long mergeId) {
		Merge merge = merge(mergeId);
		freshReads();
		if (merge.undone()) {
			throw new ConflictException("merge.undo.already", "This merge was undone already");
		}
		Map<String, @Nullable Object> keptBefore = snapshotRow(merge.keptSnapshot());
		Map<String, @Nullable Object> mergedBefore = snapshotRow(merge.mergedSnapshot());
		long version = switch (merge.kind()) {
			case ORGANIZATION -> keptVersion(merge,
					this.organizationRepository.findById(merge.keptId()).map(Organization::version).orElse(null),
					"organization");
			case CONTACT -> keptVersion(merge,
					this.contactRepository.findById(merge.keptId()).map(Contact::version).orElse(null), "contact");
		};
		if (version != merge.keptVersion()) {
			throw new ConflictException("merge.undo.keptChanged",
					"The kept record was changed after the merge; undoing it would lose that change");
		}
		checkCountries((String) keptBefore.get("country"), (String) mergedBefore.get("country"));
		AuditSource.run(ChangeSource.MERGE_UNDO, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			restoreMerged(merge);
			moveAffiliationsBack(merge);
			this.events.publishEvent(new MergeUndone(mergeId, merge.kind(), merge.keptId(), merge.mergedId()));
			this.entityManager.flush();
			this.entityManager.clear();
			restoreKept(merge);
			this.entityManager.flush();
			List<Long> both = List.of(merge.keptId(), merge.mergedId());
			if (merge.kind() == MergeKind.ORGANIZATION) {
				this.index.reindexOrganizations(both);
				this.index.reindexPeopleOf(both);
			}
			else {
				this.index.reindexContacts(both);
			}
			this.jdbc.update("UPDATE record_merge SET undone_by = ?, undone_at = ? WHERE id = ?", username(),
					Timestamp.from(this.clock.instant()), mergeId);
		});
		this.entityManager.clear();
		return new MergeUndone(mergeId, merge.kind(), merge.keptId(), merge.mergedId());
	}

	/** A merge as the ledger keeps it, for pages and the history. */
	@Transactional(readOnly = true)
	public Merge merge(long mergeId) {
		List<Merge> found = this.jdbc.query("""
				SELECT id, kind, kept_id, merged_id, merged_name, kept_snapshot, merged_snapshot, kept_version,
				  merged_by, merged_at, undone_by, undone_at
				FROM record_merge WHERE id = ?""",
				(rs, n) -> new Merge(rs.getLong(1), MergeKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
						rs.getTimestamp(10).toInstant(), rs.getString(11),
						rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()),
				mergeId);
		if (found.isEmpty()) {
			throw new NotFoundException("Merge", mergeId);
		}
		return found.get(0);
	}

	/**
	 * Whether the merge can still be undone as far as the ledger tells without trying:
	 * not undone, and the kept record neither merged away nor changed since.
	 */
	@Transactional(readOnly = true)
	public boolean undoable(Merge merge) {
		if (merge.undone()) {
			return false;
		}
		String table = merge.kind() == MergeKind.ORGANIZATION ? "organization" : "contact";
		List<Long> versions = this.jdbc.queryForList("SELECT version FROM " + table + " WHERE id = ?", Long.class,
				merge.keptId());
		return !versions.isEmpty() && versions.get(0) == merge.keptVersion();
	}

	/** One merge: what was kept, what was merged, by whom, and whether it was undone. */
	public record Merge(long id, MergeKind kind, long keptId, long mergedId, String mergedName, String keptSnapshot,
			String mergedSnapshot, long keptVersion, String mergedBy, java.time.Instant mergedAt,
			@Nullable String undoneBy, java.time.@Nullable Instant undoneAt) {

		public boolean undone() {
			return this.undoneAt != null;
		}

	}

	/**
	 * Reads the records anew, so that the country-scope filter decides what the caller
	 * sees (an entity already in the persistence context would skip it).
	 */
	private void freshReads() {
		this.entityManager.flush();
		this.entityManager.clear();
	}

	private long keptVersion(Merge merge, @Nullable Long version, String noun) {
		if (version != null) {
			return version;
		}
		var into = this.ledger.mergedInto(merge.kind(), merge.keptId());
		String table = merge.kind() == MergeKind.ORGANIZATION ? "organization" : "contact";
		if (into.isPresent()) {
			// a person reads which record to look at: its name, not its id
			String column = merge.kind() == MergeKind.ORGANIZATION ? "name" : "display_name";
			List<String> names = this.jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE id = ?",
					String.class, into.get());
			throw new ConflictException("merge.undo.keptMerged",
					"The kept record was merged into another one since; undo that merge first",
					names.isEmpty() ? "#" + into.get() : names.get(0));
		}
		Long exists = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Long.class,
				merge.keptId());
		if (exists != null && exists > 0) {
			// there, but not for this viewer
			throw new NotFoundException(noun, merge.keptId());
		}
		throw new ConflictException("merge.undo.keptDeleted", "The kept record was deleted since");
	}

	private void check(long keptId, MergeRequest request, List<String> allowed) {
		if (request.mergeId() == keptId) {
			throw new BusinessRuleException("merge.self", "A record cannot be merged into itself");
		}
		if (request.fields() != null) {
			for (String field : request.fields().keySet()) {
				if (!allowed.contains(field)) {
					throw new BusinessRuleException("merge.field.unknown",
							"Unknown field " + field + "; allowed: " + String.join(", ", allowed), field,
							String.join(", ", allowed));
				}
			}
		}
	}

	/** Merging across countries needs both countries in scope. */
	private void checkCountries(@Nullable String kept, @Nullable String merged) {
		CountryScope current = this.scope.get();
		if (current.all() || Objects.equals(kept, merged)) {
			return;
		}
		for (String country : Arrays.asList(kept, merged)) {
			if (!current.includes(country)) {
				throw new org.outreachcrm.shared.OutOfScopeException("merge.scope.country",
						"Merging records of different countries needs both countries in your scope",
						country == null ? "-" : country);
			}
		}
	}

	private static Map<String, MergeChoice> fields(MergeRequest request) {
		return request.fields() == null ? Map.of() : request.fields();
	}

	private static <T> T pick(Map<String, MergeChoice> fields, String field, T kept, T merged) {
		return fields.get(field) == MergeChoice.MERGED ? merged : kept;
	}

	private static List<String> union(List<String> kept, List<String> merged) {
		Set<String> all = new LinkedHashSet<>(kept);
		all.addAll(merged);
		return new ArrayList<>(all);
	}

	/**
	 * The consent that binds more: a withdrawal always, then a recorded consent over an
	 * unknown one, and between two of the same status the more recent.
	 */
	static Consent stricter(Consent kept, Consent merged) {
		int k = rank(kept.status());
		int m = rank(merged.status());
		if (m != k) {
			return m > k ? merged : kept;
		}
		if (merged.date() != null && (kept.date() == null || merged.date().isAfter(kept.date()))) {
			return merged;
		}
		return kept;
	}

	private static int rank(ConsentStatus status) {
		return switch (status) {
			case WITHDRAWN -> 2;
			case GIVEN -> 1;
			case UNKNOWN -> 0;
		};
	}

	private Organization organization(long id) {
		return this.organizationRepository.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

	private Contact contact(long id) {
		return this.contactRepository.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
	}

	private long start(MergeKind kind, long keptId, long mergedId, String mergedName, String keptSnapshot,
			String mergedSnapshot) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("""
					INSERT INTO record_merge (kind, kept_id, merged_id, merged_name, kept_snapshot, merged_snapshot,
					  kept_version, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""", new String[] { "id" });
			statement.setString(1, kind.name());
			statement.setLong(2, keptId);
			statement.setLong(3, mergedId);
			statement.setString(4, mergedName.length() > 300 ? mergedName.substring(0, 300) : mergedName);
			statement.setString(5, keptSnapshot);
			statement.setString(6, mergedSnapshot);
			statement.setString(7, username());
			statement.setTimestamp(8, Timestamp.from(this.clock.instant()));
			return statement;
		}, key);
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	private void finish(long mergeId, long keptVersion) {
		this.jdbc.update("UPDATE record_merge SET kept_version = ? WHERE id = ?", keptVersion, mergeId);
	}

	private static String username() {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		return login == null ? "system" : login.getName();
	}

	/**
	 * Moves the merged record's affiliations with JDBC (below the persistence context,
	 * which the caller clears): one that would be a second current link between the same
	 * person and organization is folded into the existing one (deleted, its row kept in
	 * the ledger); a moved primary link of a person who has one stops being primary.
	 */
	private void moveAffiliations(long mergeId, MergeKind kind, long keptId, long mergedId) {
		String column = kind == MergeKind.ORGANIZATION ? "organization_id" : "contact_id";
		String other = kind == MergeKind.ORGANIZATION ? "contact_id" : "organization_id";
		LocalDate today = LocalDate.now(this.clock);
		List<Map<String, Object>> keptLinks = this.jdbc.queryForList("SELECT id, " + other
				+ " AS other, primary_affiliation, end_date FROM affiliation WHERE " + column + " = ?", keptId);
		boolean keptHasPrimary = kind == MergeKind.CONTACT
				&& keptLinks.stream().anyMatch((row) -> Boolean.TRUE.equals(row.get("primary_affiliation")));
		List<MergeMove> moves = new ArrayList<>();
		for (Map<String, Object> link : this.jdbc.queryForList("SELECT id, " + other
				+ " AS other, primary_affiliation, end_date FROM affiliation WHERE " + column + " = ? ORDER BY id",
				mergedId)) {
			long id = ((Number) link.get("id")).longValue();
			long otherId = ((Number) link.get("other")).longValue();
			boolean duplicate = current(link, today) && keptLinks.stream()
				.anyMatch((k) -> ((Number) k.get("other")).longValue() == otherId && current(k, today));
			if (duplicate) {
				moves.add(new MergeMove(AFFILIATION_FOLDED, id, null, this.ledger.rowJson("affiliation", "id", id)));
				this.jdbc.update("DELETE FROM affiliation WHERE id = ?", id);
				continue;
			}
			boolean clearPrimary = keptHasPrimary && Boolean.TRUE.equals(link.get("primary_affiliation"));
			this.jdbc.update("UPDATE affiliation SET " + column + " = ?"
					+ (clearPrimary ? ", primary_affiliation = FALSE" : "") + " WHERE id = ?", keptId, id);
			moves.add(new MergeMove(AFFILIATION, id, null, clearPrimary ? "primary" : null));
		}
		this.ledger.record(mergeId, moves);
		if (kind == MergeKind.ORGANIZATION) {
			this.index.reindexContacts(this.jdbc.queryForList(
					"SELECT DISTINCT contact_id FROM affiliation WHERE organization_id = ?", Long.class, keptId));
		}
	}

	private static boolean current(Map<String, Object> link, LocalDate today) {
		Object end = link.get("end_date");
		LocalDate ends = end instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) end;
		return ends == null || !ends.isBefore(today);
	}

	private void moveAffiliationsBack(Merge merge) {
		String column = merge.kind() == MergeKind.ORGANIZATION ? "organization_id" : "contact_id";
		List<MergeMove> moved = this.ledger.moves(merge.id(), AFFILIATION);
		this.ledger.moveBack(AFFILIATION, moved.stream().map(MergeMove::rowId).toList(),
				"UPDATE affiliation SET " + column + " = :merged WHERE id IN (:ids) AND " + column + " = :kept",
				merge.keptId(), merge.mergedId());
		for (MergeMove move : moved) {
			if ("primary".equals(move.detail())) {
				this.jdbc.update("UPDATE affiliation SET primary_affiliation = TRUE WHERE id = ?", move.rowId());
			}
		}
		for (MergeMove folded : this.ledger.moves(merge.id(), AFFILIATION_FOLDED)) {
			this.ledger.insertRow("affiliation", Objects.requireNonNull(folded.detail()));
		}
	}

	private String organizationSnapshot(long id) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("row",
				this.ledger.fromJson(Objects.requireNonNull(this.ledger.rowJson("organization", "id", id))));
		snapshot.put("tags", this.jdbc
			.queryForList("SELECT tag FROM organization_tag WHERE organization_id = ? ORDER BY tag", String.class, id));
		return this.ledger.toJson(snapshot);
	}

	private String contactSnapshot(long id) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("row", this.ledger.fromJson(Objects.requireNonNull(this.ledger.rowJson("contact", "id", id))));
		snapshot.put("emails", this.jdbc
			.queryForList("SELECT email FROM contact_email WHERE contact_id = ? ORDER BY position", String.class, id));
		snapshot.put("phones", this.jdbc
			.queryForList("SELECT phone FROM contact_phone WHERE contact_id = ? ORDER BY position", String.class, id));
		snapshot.put("tags", this.jdbc.queryForList("SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY tag",
				String.class, id));
		return this.ledger.toJson(snapshot);
	}

	@SuppressWarnings("unchecked")
	private Map<String, @Nullable Object> snapshotRow(String snapshot) {
		return (Map<String, @Nullable Object>) Objects.requireNonNull(this.ledger.fromJson(snapshot).get("row"));
	}

	@SuppressWarnings("unchecked")
	private List<String> snapshotList(String snapshot, String name) {
		Object list = this.ledger.fromJson(snapshot).get(name);
		return list == null ? List.of() : (List<String>) list;
	}

	/** The merged row and its collections, inserted again as the snapshot holds them. */
	private void restoreMerged(Merge merge) {
		long id = merge.mergedId();
		if (merge.kind() == MergeKind.ORGANIZATION) {
			this.ledger.insert("organization", snapshotRow(merge.mergedSnapshot()));
			for (String tag : snapshotList(merge.mergedSnapshot(), "tags")) {
				this.jdbc.update("INSERT INTO organization_tag (organization_id, tag) VALUES (?, ?)", id, tag);
			}
			return;
		}
		this.ledger.insert("contact", snapshotRow(merge.mergedSnapshot()));
		for (String table : List.of("email", "phone")) {
			List<String> values = snapshotList(merge.mergedSnapshot(), table + "s");
			for (int position = 0; position < values.size(); position++) {
				this.jdbc.update(
						"INSERT INTO contact_" + table + " (contact_id, position, " + table + ") VALUES (?, ?, ?)", id,
						position, values.get(position));
			}
		}
		for (String tag : snapshotList(merge.mergedSnapshot(), "tags")) {
			this.jdbc.update("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)", id, tag);
		}
	}

	/**
	 * The kept record's values before the merge, through the entity (so the history shows
	 * it).
	 */
	private void restoreKept(Merge merge) {
		Map<String, @Nullable Object> row = snapshotRow(merge.keptSnapshot());
		Set<String> tags = new TreeSet<>(snapshotList(merge.keptSnapshot(), "tags"));
		if (merge.kind() == MergeKind.ORGANIZATION) {
			String languages = text(row, "languages");
			Object owner = row.get("owner_id");
			organization(merge.keptId()).apply(new OrganizationRequest(Objects.requireNonNull(text(row, "name")),
					OrganizationType.valueOf(Objects.requireNonNull(text(row, "type"))), text(row, "country"),
					text(row, "city"), text(row, "website"), text(row, "email"), text(row, "phone"),
					languages == null ? List.of() : Arrays.asList(languages.split(",")), text(row, "description"),
					PartnershipStage.valueOf(Objects.requireNonNull(text(row, "stage"))),
					owner == null ? null : ((Number) owner).longValue(), tags, null));
			return;
		}
		Contact kept = contact(merge.keptId());
		kept.apply(new ContactRequest(text(row, "given_name"), text(row, "family_name"), text(row, "display_name"),
				snapshotList(merge.keptSnapshot(), "emails"), snapshotList(merge.keptSnapshot(), "phones"),
				text(row, "preferred_language"), text(row, "country"), text(row, "notes"), tags, null));
		String status = text(row, "consent_status");
		String date = text(row, "consent_date");
		String source = text(row, "consent_source");
		kept.applyConsent(new ConsentRequest(status == null ? ConsentStatus.UNKNOWN : ConsentStatus.valueOf(status),
				date == null ? null : LocalDate.parse(date), source == null ? null : ConsentSource.valueOf(source),
				text(row, "consent_source_detail"), text(row, "consent_purpose"), null));
	}

	private static @Nullable String text(Map<String, @Nullable Object> row, String column) {
		Object value = row.get(column);
		return value == null ? null : value.toString();
	}

}
