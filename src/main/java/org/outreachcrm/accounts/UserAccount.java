package org.outreachcrm.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "app_user")
@Audited
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String username;

	// NFKC case fold of the name (UsernameKey), unique; derived, so not in the history
	@NotAudited
	private String usernameKey;

	// a password hash never goes into history
	@NotAudited
	private String passwordHash;

	private String displayName;

	private @Nullable String email;

	private boolean enabled = true;

	private boolean passwordChangeRequired;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_country", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "country", columnDefinition = "char(2)")
	private Set<String> countries = new LinkedHashSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected UserAccount() {
		this.username = "";
		this.usernameKey = "";
		this.passwordHash = "";
		this.displayName = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	UserAccount(String username, String usernameKey, String passwordHash, String displayName, Instant now) {
		this.username = username;
		this.usernameKey = usernameKey;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UserView toView() {
		return new UserView(id(), this.username, this.displayName, this.email, this.enabled,
				this.passwordChangeRequired, Set.copyOf(this.roles), Set.copyOf(this.countries), this.createdAt,
				this.updatedAt, this.version);
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("User not saved yet");
		}
		return this.id;
	}

	String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	boolean enabled() {
		return this.enabled;
	}

	Set<Role> roles() {
		return this.roles;
	}

	Set<String> countries() {
		return this.countries;
	}

	long version() {
		return this.version;
	}

	void setPasswordHash(String passwordHash, boolean changeRequired, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = changeRequired;
		this.updatedAt = now;
	}

	void update(String displayName, @Nullable String email, boolean enabled, Set<Role> roles, Set<String> countries,
			Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.enabled = enabled;
		this.roles.clear();
		this.roles.addAll(roles);
		this.countries.clear();
		this.countries.addAll(countries);
		this.updatedAt = now;
	}

}
