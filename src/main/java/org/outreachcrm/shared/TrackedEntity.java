package org.outreachcrm.shared;

import java.time.Instant;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * Base of an entity people edit: who created it and when, who changed it last and when
 * (filled by Spring Data's auditing), and the {@code @Version} that refuses a stale edit.
 * Maps the columns {@code created_at}, {@code created_by}, {@code updated_at},
 * {@code updated_by} and {@code version}.
 * <p>
 * {@code @Audited} here only adds these columns to the history of entities that are
 * {@code @Audited} themselves (Envers audits a mapped superclass's properties only when
 * the superclass says so); an entity without {@code @Audited} stays unaudited and needs
 * no {@code _aud} table. {@link #version()} is public because each module's services
 * check it; the other accessors are for the entities' own views. None is final, so that a
 * call on a lazy proxy loads it like the entities' own methods do.
 */
@MappedSuperclass
@Audited
@EntityListeners(AuditingEntityListener.class)
public abstract class TrackedEntity {

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

	protected TrackedEntity() {
	}

	protected Instant createdAt() {
		return this.createdAt;
	}

	protected @Nullable String createdBy() {
		return this.createdBy;
	}

	protected Instant updatedAt() {
		return this.updatedAt;
	}

	protected @Nullable String updatedBy() {
		return this.updatedBy;
	}

	/** The version a change must be based on; a change based on another is stale. */
	public long version() {
		return this.version;
	}

}
