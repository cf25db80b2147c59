package org.outreachcrm.meetings;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
@Table(name = "invitation")
@Audited
class Invitation extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long meetingId;

	private long contactId;

	private long organizationId;

	@Enumerated(EnumType.STRING)
	private InvitationStatus status = InvitationStatus.INVITED;

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

	void setStatus(InvitationStatus status) {
		this.status = status;
	}

	InvitationView toView(@Nullable String contactName, @Nullable String organizationName) {
		return new InvitationView(id(), this.meetingId, this.contactId, contactName, this.organizationId,
				organizationName, this.status, version());
	}

}
