package org.outreachcrm.directory;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import jakarta.persistence.TableGenerator;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

/** A person's link to an organization, kept after it ends so that history stays. */
@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.ORGANIZATION_ID, deduceAliasInjectionPoints = false)
@Table(name = "affiliation")
@Audited
class Affiliation extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "affiliation_id")
	@TableGenerator(name = "affiliation_id", table = "id_sequence", pkColumnName = "seq_name",
			valueColumnName = "next_val", pkColumnValue = "affiliation", allocationSize = 50)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "contact_id")
	private @Nullable Contact contact;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organization_id")
	private @Nullable Organization organization;

	private @Nullable String role;

	@Column(name = "primary_affiliation")
	private boolean primary;

	private @Nullable LocalDate startDate;

	private @Nullable LocalDate endDate;

	protected Affiliation() {
	}

	Affiliation(Contact contact, Organization organization) {
		this.contact = contact;
		this.organization = organization;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Affiliation not saved yet");
		}
		return this.id;
	}

	Contact contact() {
		if (this.contact == null) {
			throw new IllegalStateException("Affiliation without contact");
		}
		return this.contact;
	}

	Organization organization() {
		if (this.organization == null) {
			throw new IllegalStateException("Affiliation without organization");
		}
		return this.organization;
	}

	boolean primary() {
		return this.primary;
	}

	void clearPrimary() {
		this.primary = false;
	}

	void apply(AffiliationRequest request) {
		this.role = request.role() == null || request.role().isBlank() ? null : request.role().strip();
		this.primary = Boolean.TRUE.equals(request.primary());
		this.startDate = request.startDate();
		this.endDate = request.endDate();
	}

	AffiliationView toView() {
		Organization org = organization();
		Contact person = contact();
		return new AffiliationView(id(), person.id(), person.displayName(), org.id(), org.name(), this.role,
				this.primary, this.startDate, this.endDate, version());
	}

}
