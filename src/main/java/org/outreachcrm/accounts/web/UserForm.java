package org.outreachcrm.accounts.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserChange;
import org.outreachcrm.accounts.UserView;

/**
 * The user form of the admin pages, for creating (with a first password) and changing
 * (roles, countries, status). The rules live on {@link NewUser} and {@link UserChange}.
 */
class UserForm {

	private String username = "";

	private String password = "";

	private @Nullable String displayName;

	private @Nullable String email;

	private boolean enabled = true;

	private Set<Role> roles = EnumSet.of(Role.STAFF);

	private Set<String> countries = new LinkedHashSet<>();

	private @Nullable Long version;

	static UserForm of(UserView user) {
		UserForm form = new UserForm();
		form.username = user.username();
		form.displayName = user.displayName();
		form.email = user.email();
		form.enabled = user.enabled();
		form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
		form.countries = new LinkedHashSet<>(user.countries());
		form.version = user.version();
		return form;
	}

	NewUser toNewUser() {
		return new NewUser(this.username.strip(), this.password, blankToNull(this.displayName), blankToNull(this.email),
				Set.copyOf(this.roles), Set.copyOf(this.countries));
	}

	UserChange toChange() {
		String name = (this.displayName == null) ? "" : this.displayName;
		return new UserChange(name, blankToNull(this.email), this.enabled, Set.copyOf(this.roles),
				Set.copyOf(this.countries), this.version);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = (username == null) ? "" : username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = (password == null) ? "" : password;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(@Nullable Set<Role> roles) {
		this.roles = (roles == null) ? EnumSet.noneOf(Role.class) : roles;
	}

	public Set<String> getCountries() {
		return this.countries;
	}

	public void setCountries(@Nullable Set<String> countries) {
		this.countries = (countries == null) ? new LinkedHashSet<>() : countries;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
