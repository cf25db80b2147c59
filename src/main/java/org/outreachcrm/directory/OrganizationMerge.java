package org.outreachcrm.directory;

import java.util.Arrays;
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

/**
 * The organization's part of a merge and of its undo: the kept organization's fields,
 * tags and snapshot, the merged one deleted and inserted again. Runs in
 * {@link RecordMerging}'s transaction.
 */
@Component
class OrganizationMerge {

	private final OrganizationRepository organizationRepository;

	private final Organizations organizations;

	private final MergeSteps steps;

	private final MergeLedger ledger;

	private final SearchIndex index;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	OrganizationMerge(OrganizationRepository organizationRepository, Organizations organizations, MergeSteps steps,
			MergeLedger ledger, SearchIndex index, JdbcTemplate jdbc, EntityManager entityManager,
			ApplicationEventPublisher events) {
		this.organizationRepository = organizationRepository;
		this.organizations = organizations;
		this.steps = steps;
		this.ledger = ledger;
		this.index = index;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.events = events;
	}

	/** See {@link RecordMerging#mergeOrganizations}. */
	OrganizationDetails merge(long keptId, MergeRequest request) {
		this.steps.check(keptId, request, RecordMerging.ORGANIZATION_FIELDS);
		this.steps.freshReads();
		Organization kept = organization(keptId);
		Organization merged = organization(request.mergeId());
		StaleVersionException.check("Organization", keptId, request.version(), kept.version());
		OrganizationDetails k = kept.toDetails(null);
		OrganizationDetails m = merged.toDetails(null);
		this.steps.checkCountries(k.country(), m.country());
		Map<String, MergeChoice> fields = fields(request);
		long mergedId = m.id();
		long mergeId = this.steps.start(MergeKind.ORGANIZATION, keptId, mergedId, m.name(), snapshot(keptId),
				snapshot(mergedId));
		AuditSource.run(ChangeSource.MERGE, String.valueOf(mergeId), () -> {
			this.entityManager.flush();
			this.steps.moveAffiliations(mergeId, MergeKind.ORGANIZATION, keptId, mergedId);
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
			this.steps.finish(mergeId, stays.version());
		});
		this.entityManager.clear();
		return this.organizations.get(keptId);
	}

	/** The version of the organization, null when the caller cannot see it. */
	@Nullable Long version(long id) {
		return this.organizationRepository.findById(id).map(Organization::version).orElse(null);
	}

	/**
	 * The merged organization and its tags, inserted again as the snapshot holds them.
	 */
	void restoreMerged(RecordMerging.Merge merge) {
		long id = merge.mergedId();
		this.ledger.insert("organization", this.steps.snapshotRow(merge.mergedSnapshot()));
		for (String tag : this.steps.snapshotList(merge.mergedSnapshot(), "tags")) {
			this.jdbc.update("INSERT INTO organization_tag (organization_id, tag) VALUES (?, ?)", id, tag);
		}
	}

	/**
	 * The kept organization's values before the merge, through the entity (so the history
	 * shows it).
	 */
	void restoreKept(RecordMerging.Merge merge) {
		Map<String, @Nullable Object> row = this.steps.snapshotRow(merge.keptSnapshot());
		Set<String> tags = new TreeSet<>(this.steps.snapshotList(merge.keptSnapshot(), "tags"));
		String languages = text(row, "languages");
		Object owner = row.get("owner_id");
		organization(merge.keptId()).apply(new OrganizationRequest(Objects.requireNonNull(text(row, "name")),
				OrganizationType.valueOf(Objects.requireNonNull(text(row, "type"))), text(row, "country"),
				text(row, "city"), text(row, "website"), text(row, "email"), text(row, "phone"),
				languages == null ? List.of() : Arrays.asList(languages.split(",")), text(row, "description"),
				PartnershipStage.valueOf(Objects.requireNonNull(text(row, "stage"))),
				owner == null ? null : ((Number) owner).longValue(), tags, null));
	}

	private String snapshot(long id) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("row",
				this.ledger.fromJson(Objects.requireNonNull(this.ledger.rowJson("organization", "id", id))));
		snapshot.put("tags", this.jdbc
			.queryForList("SELECT tag FROM organization_tag WHERE organization_id = ? ORDER BY tag", String.class, id));
		return this.ledger.toJson(snapshot);
	}

	private Organization organization(long id) {
		return this.organizationRepository.findById(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

}
