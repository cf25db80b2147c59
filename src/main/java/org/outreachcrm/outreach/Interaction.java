package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import jakarta.persistence.TableGenerator;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.ORGANIZATION_ID, deduceAliasInjectionPoints = false)
@Table(name = "interaction")
@Audited
class Interaction extends TrackedEntity {

	// Interactions are imported in bulk: ids in blocks from id_sequence, so Hibernate can
	// batch inserts and imports can reserve ranges (no IDENTITY).
	@Id
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "interaction_id")
	@TableGenerator(name = "interaction_id", table = "id_sequence", pkColumnName = "seq_name",
			valueColumnName = "next_val", pkColumnValue = "interaction", allocationSize = 50)
	private @Nullable Long id;

	private long organizationId;

	@Column(columnDefinition = "char(2)")
	private @Nullable String country;

	@Enumerated(EnumType.STRING)
	private InteractionType type = InteractionType.OTHER;

	private Instant occurredAt = Instant.EPOCH;

	private String timeZone = "UTC";

	@Enumerated(EnumType.STRING)
	private Direction direction = Direction.OUTBOUND;

	private String subject = "";

	@Column(columnDefinition = "text")
	private @Nullable String summary;

	private @Nullable String outcome;

	private long staffId;

	private @Nullable Long campaignId;

	// lists show many interactions: load their collections in batches, not one query each
	@ElementCollection
	@BatchSize(size = 50)
	@CollectionTable(name = "interaction_contact", joinColumns = @JoinColumn(name = "interaction_id"))
	@Column(name = "contact_id")
	private Set<Long> contactIds = new TreeSet<>();

	@ElementCollection
	@BatchSize(size = 50)
	@CollectionTable(name = "interaction_tag", joinColumns = @JoinColumn(name = "interaction_id"))
	@Column(name = "tag")
	private Set<String> tags = new TreeSet<>();

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Interaction not saved yet");
		}
		return this.id;
	}

	long organizationId() {
		return this.organizationId;
	}

	long staffId() {
		return this.staffId;
	}

	@Nullable String country() {
		return this.country;
	}

	InteractionType type() {
		return this.type;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

	@Nullable Long campaignId() {
		return this.campaignId;
	}

	void apply(InteractionRequest request, ZoneId zone, long staffId, @Nullable String country) {
		this.organizationId = request.organizationId();
		this.country = country;
		this.type = request.type();
		this.occurredAt = request.occurredAt();
		this.timeZone = zone.getId();
		this.direction = request.direction();
		this.subject = request.subject().strip();
		this.summary = blankToNull(request.summary());
		this.outcome = blankToNull(request.outcome());
		this.staffId = staffId;
		this.campaignId = request.campaignId();
		this.contactIds.clear();
		if (request.contactIds() != null) {
			this.contactIds.addAll(request.contactIds());
		}
		this.tags.clear();
		if (request.tags() != null) {
			for (String tag : request.tags()) {
				String normalized = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
				if (!normalized.isEmpty()) {
					this.tags.add(normalized);
				}
			}
		}
	}

	void addContacts(Set<Long> contactIds) {
		this.contactIds.addAll(contactIds);
	}

	InteractionView toView(@Nullable String organizationName, ZoneId viewerZone) {
		return new InteractionView(id(), this.organizationId, organizationName, new ArrayList<>(this.contactIds),
				this.type, this.occurredAt, ZoneId.of(this.timeZone), viewerZone,
				LocalDateTime.ofInstant(this.occurredAt, viewerZone), this.direction, this.subject, this.summary,
				this.outcome, this.staffId, this.campaignId, new TreeSet<>(this.tags), createdAt(), createdBy(),
				version(), updatedAt(), updatedBy());
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	List<Long> contactIdList() {
		return new ArrayList<>(this.contactIds);
	}

	// browsers send a textarea's line breaks as CRLF, the API usually LF: one form, so
	// that
	// saving an unchanged text is no change in the history
	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n").replace('\r', '\n');
	}

}
