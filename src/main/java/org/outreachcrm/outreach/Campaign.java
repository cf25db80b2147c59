package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

@Entity
@Table(name = "campaign")
@Audited
@EntityListeners(AuditingEntityListener.class)
class Campaign {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name = "";

	@Column(columnDefinition = "text")
	private @Nullable String description;

	private LocalDate startsOn = LocalDate.EPOCH;

	private @Nullable LocalDate endsOn;

	private long ownerId;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status = CampaignStatus.PLANNED;

	@ElementCollection
	@CollectionTable(name = "campaign_target", joinColumns = @JoinColumn(name = "campaign_id"))
	@Column(name = "organization_id")
	private Set<Long> targets = new TreeSet<>();

	@CreatedDate
	private Instant createdAt = Instant.EPOCH;

	@CreatedBy
	private @Nullable String createdBy;

	@LastModifiedDate
	private Instant updatedAt = Instant.EPOCH;

	@LastModifiedBy
	private @Nullable String updatedBy;

	@Version
	private long version;

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Campaign not saved yet");
		}
		return this.id;
	}

	long version() {
		return this.version;
	}

	LocalDate startsOn() {
		return this.startsOn;
	}

	void apply(CampaignRequest request, long ownerId) {
		this.name = request.name().strip();
		this.description = request.description() == null || request.description().isBlank() ? null
				: request.description().strip();
		this.startsOn = request.startsOn();
		this.endsOn = request.endsOn();
		this.ownerId = ownerId;
		this.status = request.status() == null ? CampaignStatus.PLANNED : request.status();
		if (request.targetOrganizationIds() != null) {
			this.targets.retainAll(request.targetOrganizationIds());
			this.targets.addAll(request.targetOrganizationIds());
		}
	}

	CampaignView toView() {
		return new CampaignView(id(), this.name, this.description, this.startsOn, this.endsOn, this.ownerId,
				this.status, new TreeSet<>(this.targets), this.createdAt, this.updatedAt, this.version);
	}

}
