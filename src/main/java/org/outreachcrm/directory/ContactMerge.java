package org.outreachcrm.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.audit.AuditSource;
import org.outreachcrm.audit.ChangeSource;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.outreachcrm.directory.MergeSteps.fields;
import static org.outreachcrm.directory.MergeSteps.pick;
import static org.outreachcrm.directory.MergeSteps.text;
import static org.outreachcrm.directory.MergeSteps.union;

/**
 * The person's part of a merge and of its undo: the kept person's fields, the union of
 * e-mails, phones and tags, the stricter consent and the snapshot; the merged person
 * deleted and inserted again. Runs in {@link RecordMerging}'s transaction.
 */
@Component
class ContactMerge {

	private final ContactRepository contactRepository;

	private final Contacts contacts;

	private final MergeSteps steps;

	private final MergeLedger ledger;

	private final SearchIndex index;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	ContactMerge(ContactRepository contactRepository, Contacts contacts, MergeSteps steps, MergeLedger ledger,
			SearchIndex index, JdbcTemplate jdbc, EntityManager entityManager, ApplicationEventPublisher events) {
		this.contactRepository = contactRepository;
		this.contacts = contacts;
		this.steps = steps;
		this.ledger = ledger;
		this.index = index;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.events = events;
	}

	/** See {@link RecordMerging#mergeContacts}. */
	ContactDetails merge(long keptId, MergeRequest request) {
		this.steps.check(keptId, request, RecordMerging.CONTACT_FIELDS);
		this.steps.freshReads();
		Contact kept = contact(keptId);
		Contact merged = contact(request.mergeId());
		StaleVersionException.check("Contact", keptId, request.version(), kept.version());
		ContactDetails k = kept.toDetails(List.of());
		ContactDetails m = merged.toDetails(List.of());
		this.steps.checkCountries(k.country(), m.country());
		Map<String, MergeChoice> fields = fields(request);
		long mergedId = m.id();
		long mergeId = this.steps.start(MergeKind.CONTACT, keptId, mergedId, m.displayName(), snapshot(keptId),
				snapshot(mergedId));
		AuditSource.run(ChangeSource.MERGE, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			this.steps.moveAffiliations(mergeId, MergeKind.CONTACT, keptId, mergedId);
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
			this.steps.finish(mergeId, stays.version());
		});
		this.entityManager.clear();
		return this.contacts.get(keptId);
	}

	/** The version of the person, null when the caller cannot see them. */
	@Nullable Long version(long id) {
		return this.contactRepository.findById(id).map(Contact::version).orElse(null);
	}

	/**
	 * The merged person with their e-mails, phones and tags, inserted again as the
	 * snapshot holds them.
	 */
	void restoreMerged(RecordMerging.Merge merge) {
		long id = merge.mergedId();
		this.ledger.insert("contact", this.steps.snapshotRow(merge.mergedSnapshot()));
		for (String table : List.of("email", "phone")) {
			List<String> values = this.steps.snapshotList(merge.mergedSnapshot(), table + "s");
			for (int position = 0; position < values.size(); position++) {
				this.jdbc.update(
						"INSERT INTO contact_" + table + " (contact_id, position, " + table + ") VALUES (?, ?, ?)", id,
						position, values.get(position));
			}
		}
		for (String tag : this.steps.snapshotList(merge.mergedSnapshot(), "tags")) {
			this.jdbc.update("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)", id, tag);
		}
	}

	/**
	 * The kept person's values and consent before the merge, through the entity (so the
	 * history shows it).
	 */
	void restoreKept(RecordMerging.Merge merge) {
		Map<String, @Nullable Object> row = this.steps.snapshotRow(merge.keptSnapshot());
		Set<String> tags = new TreeSet<>(this.steps.snapshotList(merge.keptSnapshot(), "tags"));
		Contact kept = contact(merge.keptId());
		kept.apply(new ContactRequest(text(row, "given_name"), text(row, "family_name"), text(row, "display_name"),
				this.steps.snapshotList(merge.keptSnapshot(), "emails"),
				this.steps.snapshotList(merge.keptSnapshot(), "phones"), text(row, "preferred_language"),
				text(row, "country"), text(row, "notes"), tags, null));
		String status = text(row, "consent_status");
		String date = text(row, "consent_date");
		String source = text(row, "consent_source");
		kept.applyConsent(new ConsentRequest(status == null ? ConsentStatus.UNKNOWN : ConsentStatus.valueOf(status),
				date == null ? null : LocalDate.parse(date), source == null ? null : ConsentSource.valueOf(source),
				text(row, "consent_source_detail"), text(row, "consent_purpose"), null));
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

	private String snapshot(long id) {
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

	private Contact contact(long id) {
		return this.contactRepository.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
	}

}
