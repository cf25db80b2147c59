package org.outreachcrm.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * One Envers revision: a transaction that changed audited records, with who made it, when
 * (from the application's clock) and from where.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
class AuditRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@RevisionNumber
	@Column(name = "rev")
	private long id;

	/** Epoch milliseconds; the listener sets it from the injected clock. */
	@RevisionTimestamp
	@Column(name = "revtstmp")
	private long timestamp;

	private String username = "system";

	@Enumerated(EnumType.STRING)
	private ChangeSource source = ChangeSource.SYSTEM;

	private @Nullable String sourceRef;

	long id() {
		return this.id;
	}

	void stamp(long timestamp, String username, ChangeSource source, @Nullable String sourceRef) {
		this.timestamp = timestamp;
		this.username = username;
		this.source = source;
		this.sourceRef = sourceRef;
	}

}
