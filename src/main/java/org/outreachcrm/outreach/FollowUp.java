package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.ORGANIZATION_ID, deduceAliasInjectionPoints = false)
@Table(name = "follow_up")
@Audited
@EntityListeners(AuditingEntityListener.class)
class FollowUp {

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

	long version() {
		return this.version;
	}

	long assigneeId() {
		return this.assigneeId;
	}

	boolean open() {
		return this.completedAt == null;
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
				this.createdAt, this.version);
	}

}
