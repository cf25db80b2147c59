package org.outreachcrm.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.shared.ConflictException;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate organization or person into the record that stays, and undoes such a
 * merge. The kept record takes per differing field the chosen value, the union of tags
 * (and of a person's e-mails and phones) and the stricter consent; the merged record's
 * affiliations move here, the other modules move their rows on {@link RecordsMerged}; the
 * merged row is deleted (its values stay in the history and in the merge's snapshot) and
 * an undo inserts it again with the same id. Everything moved is recorded in the
 * {@link MergeLedger}. The entry point and transaction of {@link OrganizationMerge},
 * {@link ContactMerge} and the steps they share ({@link MergeSteps}).
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

	private final OrganizationMerge organizationMerge;

	private final ContactMerge contactMerge;

	private final MergeSteps steps;

	private final MergeLedger ledger;

	private final SearchIndex index;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecordMerging(OrganizationMerge organizationMerge, ContactMerge contactMerge, MergeSteps steps, MergeLedger ledger,
			SearchIndex index, JdbcTemplate jdbc, EntityManager entityManager, ApplicationEventPublisher events,
			Clock clock) {
		this.organizationMerge = organizationMerge;
		this.contactMerge = contactMerge;
		this.steps = steps;
		this.ledger = ledger;
		this.index = index;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.events = events;
		this.clock = clock;
	}

	/** Merges organization {@code request.mergeId()} into {@code keptId}. */
	public OrganizationDetails mergeOrganizations(long keptId, MergeRequest request) {
		return this.organizationMerge.merge(keptId, request);
	}

	/** Merges person {@code request.mergeId()} into {@code keptId}. */
	public ContactDetails mergeContacts(long keptId, MergeRequest request) {
		return this.contactMerge.merge(keptId, request);
	}

	/**
	 * Undoes a merge while nothing later conflicts: the kept record gets its values from
	 * before the merge back, the merged one returns with its id, and every row moved from
	 * it moves back. Refused (409) when the kept record was merged away, deleted or
	 * changed since, or when a moved row was deleted or moved since.
	 */
	public MergeUndone undo(long mergeId) {
		Merge merge = merge(mergeId);
		this.steps.freshReads();
		if (merge.undone()) {
			throw new ConflictException("merge.undo.already", "This merge was undone already");
		}
		Map<String, @Nullable Object> keptBefore = this.steps.snapshotRow(merge.keptSnapshot());
		Map<String, @Nullable Object> mergedBefore = this.steps.snapshotRow(merge.mergedSnapshot());
		boolean organization = merge.kind() == MergeKind.ORGANIZATION;
		long version = keptVersion(merge, organization ? this.organizationMerge.version(merge.keptId())
				: this.contactMerge.version(merge.keptId()), organization ? "organization" : "contact");
		if (version != merge.keptVersion()) {
			throw new ConflictException("merge.undo.keptChanged",
					"The kept record was changed after the merge; undoing it would lose that change");
		}
		this.steps.checkCountries((String) keptBefore.get("country"), (String) mergedBefore.get("country"));
		AuditSource.run(ChangeSource.MERGE_UNDO, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			if (organization) {
				this.organizationMerge.restoreMerged(merge);
			}
			else {
				this.contactMerge.restoreMerged(merge);
			}
			this.steps.moveAffiliationsBack(merge);
			this.events.publishEvent(new MergeUndone(mergeId, merge.kind(), merge.keptId(), merge.mergedId()));
			this.entityManager.flush();
			this.entityManager.clear();
			if (organization) {
				this.organizationMerge.restoreKept(merge);
			}
			else {
				this.contactMerge.restoreKept(merge);
			}
			this.entityManager.flush();
			List<Long> both = List.of(merge.keptId(), merge.mergedId());
			if (organization) {
				this.index.reindexOrganizations(both);
				this.index.reindexPeopleOf(both);
			}
			else {
				this.index.reindexContacts(both);
			}
			this.jdbc.update("UPDATE record_merge SET undone_by = ?, undone_at = ? WHERE id = ?", MergeSteps.username(),
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

}
