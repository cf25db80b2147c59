package org.outreachcrm.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The audited tables: each one's Envers table and its audited collections. The history is
 * read with SQL over these tables, so no module has to expose its entities.
 */
public enum AuditedEntity {

	ORGANIZATION("organization", new Collection("tags", "organization_tag_aud", "organization_id", "tag")),
	CONTACT("contact", new Collection("emails", "contact_email_aud", "contact_id", "email"),
			new Collection("phones", "contact_phone_aud", "contact_id", "phone"),
			new Collection("tags", "contact_tag_aud", "contact_id", "tag")),
	AFFILIATION("affiliation"),
	INTERACTION("interaction", new Collection("contacts", "interaction_contact_aud", "interaction_id", "contact_id"),
			new Collection("tags", "interaction_tag_aud", "interaction_id", "tag")),
	FOLLOW_UP("follow_up"),
	CAMPAIGN("campaign", new Collection("targets", "campaign_target_aud", "campaign_id", "organization_id")),
	MEETING("meeting"), INVITATION("invitation"),
	USER("app_user", new Collection("roles", "app_user_role_aud", "user_id", "role"),
			new Collection("countries", "app_user_country_aud", "user_id", "country"));

	/** Columns that are bookkeeping, not content: never shown as changes. */
	static final Set<String> HIDDEN = Set.of("id", "rev", "revtype", "version", "name_key", "created_at", "created_by",
			"updated_at", "updated_by");

	private final String table;

	private final List<Collection> collections;

	AuditedEntity(String table, Collection... collections) {
		this.table = table;
		this.collections = List.of(collections);
	}

	/** The name clients use ({@code organization}, {@code follow-up}, ...). */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	String table() {
		return this.table;
	}

	String auditTable() {
		return this.table + "_aud";
	}

	List<Collection> collections() {
		return this.collections;
	}

	public static Optional<AuditedEntity> fromKey(String key) {
		for (AuditedEntity entity : values()) {
			if (entity.key().equalsIgnoreCase(key) || entity.name().equalsIgnoreCase(key)) {
				return Optional.of(entity);
			}
		}
		return Optional.empty();
	}

	/** An audited element collection: its field name, Envers table and columns. */
	record Collection(String field, String table, String ownerColumn, String valueColumn) {
	}

}
