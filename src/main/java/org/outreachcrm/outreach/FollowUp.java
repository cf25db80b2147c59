package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.ORGANIZATION_ID, deduceAliasInjectionPoints = false)
@Table(name = "follow_up")
@Audited
class FollowUp extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long interactionId;

	private long organizationId;

	@Column(columnDefinition = "char(2)")
	private @Nullable String country;

	private LocalDate dueOn = LocalDate.EPOCH;

	private long assigneeId;

	private @Nullable String note;

	private @Nullable Instant completedAt;

	private @Nullable Long completedBy;

	private @Nullable Long completionInteractionId;

	FollowUp() {
	}

	FollowUp(long interactionId, long organizationId, @Nullable String country, LocalDate dueOn, long assigneeId,
			@Nullable String note) {
		this.interactionId = interactionId;
		this.organizationId = organizationId;
		this.country = country;
		this.dueOn = dueOn;
		this.assigneeId = assigneeId;
		this.note = note == null || note.isBlank() ? null : note.strip();
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Follow-up not saved yet");
		}
		return this.id;
	}

	long assigneeId() {
		return this.assigneeId;
	}

	boolean open() {
		return this.completedAt == null;
	}

	void postpone(LocalDate newDueOn) {
		this.dueOn = newDueOn;
	}

	void complete(Instant at, long by, @Nullable Long interactionId) {
		this.completedAt = at;
		this.completedBy = by;
		this.completionInteractionId = interactionId;
	}

	FollowUpView toView(LocalDate today) {
		FollowUpTiming timing = FollowUpView.timing(this.dueOn, today, this.completedAt != null);
		return new FollowUpView(id(), this.interactionId, this.organizationId, this.country, this.dueOn,
				this.assigneeId, this.note, timing, this.completedAt, this.completedBy, this.completionInteractionId,
				createdAt(), version());
	}

}
