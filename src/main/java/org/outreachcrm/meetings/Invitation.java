package org.outreachcrm.meetings;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
@Table(name = "invitation")
@Audited
@EntityListeners(AuditingEntityListener.class)
class Invitation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long meetingId;

	private long contactId;

	private long organizationId;

	@Enumerated(EnumType.STRING)
	private InvitationStatus status = InvitationStatus.INVITED;

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

	Invitation() {
	}

	Invitation(long meetingId, long contactId, long organizationId, InvitationStatus status) {
		this.meetingId = meetingId;
		this.contactId = contactId;
		this.organizationId = organizationId;
		this.status = status;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Invitation not saved yet");
		}
		return this.id;
	}

	long meetingId() {
		return this.meetingId;
	}

	long contactId() {
		return this.contactId;
	}

	long organizationId() {
		return this.organizationId;
	}

	InvitationStatus status() {
		return this.status;
	}

	long version() {
		return this.version;
	}

	void setStatus(InvitationStatus status) {
		this.status = status;
	}

	InvitationView toView(@Nullable String contactName, @Nullable String organizationName) {
		return new InvitationView(id(), this.meetingId, this.contactId, contactName, this.organizationId,
				organizationName, this.status, this.version);
	}

}
