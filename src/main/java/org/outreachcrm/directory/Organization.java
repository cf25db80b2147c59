package org.outreachcrm.directory;

import java.util.Arrays;
import java.util.List;
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
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.TrackedEntity;
import org.outreachcrm.shared.TextFolding;
import org.hibernate.annotations.Filter;
import org.outreachcrm.shared.ScopeRules;

@Entity
@Filter(name = ScopeRules.FILTER, condition = ScopeRules.ORGANIZATION, deduceAliasInjectionPoints = false)
@Table(name = "organization")
@Audited
class Organization extends TrackedEntity {

	// Ids come in blocks from id_sequence so that bulk imports can reserve ranges too (no
	// IDENTITY).
	@Id
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "organization_id")
	@TableGenerator(name = "organization_id", table = "id_sequence", pkColumnName = "seq_name",
			valueColumnName = "next_val", pkColumnValue = "organization", allocationSize = 50)
	private @Nullable Long id;

	private String name = "";

	private String nameKey = "";

	@Enumerated(EnumType.STRING)
	private OrganizationType type = OrganizationType.OTHER;

	@Column(columnDefinition = "char(2)")
	private @Nullable String country;

	private @Nullable String city;

	private @Nullable String website;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String languages;

	@Column(columnDefinition = "text")
	private @Nullable String description;

	@Enumerated(EnumType.STRING)
	private PartnershipStage stage = PartnershipStage.PROSPECT;

	private @Nullable Long ownerId;

	@ElementCollection
	@CollectionTable(name = "organization_tag", joinColumns = @JoinColumn(name = "organization_id"))
	@Column(name = "tag")
	private Set<String> tags = new TreeSet<>();

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Organization not saved yet");
		}
		return this.id;
	}

	String name() {
		return this.name;
	}

	PartnershipStage stage() {
		return this.stage;
	}

	OrganizationType type() {
		return this.type;
	}

	void changeStage(PartnershipStage stage) {
		this.stage = stage;
	}

	void apply(OrganizationRequest request) {
		this.name = request.name().strip();
		this.nameKey = TextFolding.key(this.name);
		this.type = request.type();
		this.country = blankToNull(request.country());
		this.city = blankToNull(request.city());
		this.website = blankToNull(request.website());
		this.email = request.email() == null || request.email().isBlank() ? null
				: request.email().strip().toLowerCase(java.util.Locale.ROOT);
		this.phone = request.phone() == null || request.phone().isBlank() ? null
				: org.outreachcrm.shared.PhoneNumbers.normalize(request.phone(), this.country);
		this.languages = request.languages() == null || request.languages().isEmpty() ? null
				: String.join(",", request.languages());
		this.description = blankToNull(request.description());
		if (request.stage() != null) {
			this.stage = request.stage();
		}
		this.ownerId = request.ownerId();
		this.tags.clear();
		this.tags.addAll(Tags.normalize(request.tags() == null ? List.of() : request.tags()));
	}

	/** The texts whose words find this organization in search. */
	List<String> searchableTexts() {
		List<String> texts = new java.util.ArrayList<>();
		texts.add(this.name);
		addIfPresent(texts, this.city);
		addIfPresent(texts, this.email);
		addIfPresent(texts, this.website);
		texts.addAll(this.tags);
		return texts;
	}

	OrganizationDetails toDetails(@Nullable String ownerName) {
		return new OrganizationDetails(id(), this.name, this.type, this.country, this.city, this.website, this.email,
				this.phone, languageList(), this.description, this.stage, this.ownerId, ownerName,
				new TreeSet<>(this.tags), createdAt(), createdBy(), updatedAt(), updatedBy(), version());
	}

	private List<String> languageList() {
		return this.languages == null ? List.of() : Arrays.asList(this.languages.split(","));
	}

	private static void addIfPresent(List<String> texts, @Nullable String text) {
		if (text != null) {
			texts.add(text);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
