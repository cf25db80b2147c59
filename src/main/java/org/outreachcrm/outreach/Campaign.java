package org.outreachcrm.outreach;

import java.time.LocalDate;
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
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;

@Entity
@Table(name = "campaign")
@Audited
class Campaign extends TrackedEntity {

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

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Campaign not saved yet");
		}
		return this.id;
	}

	Set<Long> targets() {
		return this.targets;
	}

	LocalDate startsOn() {
		return this.startsOn;
	}

	long ownerId() {
		return this.ownerId;
	}

	/**
	 * Applies a change; {@code keep} are targets the request cannot name (outside the
	 * caller's countries) and that stay whatever the request lists.
	 */
	void apply(CampaignRequest request, long ownerId, Set<Long> keep) {
		this.name = request.name().strip();
		this.description = request.description() == null || request.description().isBlank() ? null
				: request.description().strip();
		this.startsOn = request.startsOn();
		this.endsOn = request.endsOn();
		this.ownerId = ownerId;
		this.status = request.status() == null ? CampaignStatus.PLANNED : request.status();
		if (request.targetOrganizationIds() != null) {
			Set<Long> wanted = new TreeSet<>(request.targetOrganizationIds());
			wanted.addAll(keep);
			this.targets.retainAll(wanted);
			this.targets.addAll(wanted);
		}
	}

	/** The campaign with the given targets of it (those the caller may see). */
	CampaignView toView(Set<Long> visibleTargets) {
		TreeSet<Long> shown = new TreeSet<>(this.targets);
		shown.retainAll(visibleTargets);
		return new CampaignView(id(), this.name, this.description, this.startsOn, this.endsOn, this.ownerId,
				this.status, shown, createdAt(), updatedAt(), version());
	}

}
