package org.outreachcrm.accounts;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.Countries;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates and maintains user accounts: roles, country scope, status and passwords. */
@Service
@Transactional
public class UserAccounts {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final UserScopes scopes;

	UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock, UserScopes scopes) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.scopes = scopes;
	}

	/** Creates a user; the user name must be free and the password meet the policy. */
	public UserView create(NewUser request) {
		String username = request.username().strip();
		String key = usernameFree(username);
		this.scopes.checkGrant(request.countries() == null ? Set.of() : request.countries());
		PasswordPolicy.check(request.password(), username);
		Set<String> countries = knownCountries(request.countries() == null ? Set.of() : request.countries());
		String displayName = (request.displayName() == null || request.displayName().isBlank()) ? username
				: request.displayName().strip();
		UserAccount user = new UserAccount(username, key, this.passwordEncoder.encode(request.password()), displayName,
				this.clock.instant());
		user.update(displayName, blankToNull(request.email()), true, request.roles(), countries, this.clock.instant());
		return this.users.saveAndFlush(user).toView();
	}

	@Transactional(readOnly = true)
	public Page<UserView> list(Pageable pageable) {
		return this.users.findAll(pageable).map(UserAccount::toView);
	}

	/**
	 * The users the caller manages: all for an admin with all countries, else those whose
	 * countries all lie within the caller's (never an account with all countries).
	 */
	@Transactional(readOnly = true)
	public Page<UserView> listManaged(Pageable pageable) {
		return this.scopes.list(pageable).map(UserAccount::toView);
	}

	/** Any user, for names and pickers (not for managing them: {@link #getManaged}). */
	@Transactional(readOnly = true)
	public UserView get(long id) {
		return this.users.findById(id).orElseThrow(() -> new NotFoundException("User", id)).toView();
	}

	/** A user the caller manages; any other answers 404 as if it did not exist. */
	@Transactional(readOnly = true)
	public UserView getManaged(long id) {
		return find(id).toView();
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return this.users.findByUsername(username).map(UserAccount::toView);
	}

	/**
	 * The id of the user with this user name: the one the current request authenticated
	 * as, else read without roles or countries. No transaction of its own: the current
	 * request's user costs no statement at all (the repository's read has its own).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Long> idOf(String username) {
		RequestUsers.Resolved current = RequestUsers.find(username);
		return (current != null) ? Optional.of(current.id()) : this.users.findIdByUsername(username);
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.users.existsById(id);
	}

	/** Whether a user account has this e-mail address (letter case aside). */
	@Transactional(readOnly = true)
	public boolean hasEmail(String email) {
		return this.users.existsByEmailIgnoreCase(email.strip());
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.users.count();
	}

	/** Changes profile, roles, scope and status; refuses a stale version. */
	public UserView update(long id, UserChange change, String actingUsername) {
		UserAccount user = find(id);
		this.scopes.checkGrant(change.countries());
		StaleVersionException.check("User", id, change.version(), user.version());
		if (user.username().equals(actingUsername) && (!change.enabled() || !change.roles().contains(Role.ADMIN))
				&& user.roles().contains(Role.ADMIN)) {
			throw new BusinessRuleException("user.selfLockout",
					"You cannot disable yourself or remove your own ADMIN role");
		}
		user.update(change.displayName().strip(), blankToNull(change.email()), change.enabled(), change.roles(),
				knownCountries(change.countries()), this.clock.instant());
		return this.users.saveAndFlush(user).toView();
	}

	/**
	 * Sets a new password chosen by an admin; with {@code forceChange} the user must
	 * choose another at the next login.
	 */
	public UserView resetPassword(long id, String newPassword, boolean forceChange) {
		UserAccount user = find(id);
		PasswordPolicy.check(newPassword, user.username());
		user.setPasswordHash(this.passwordEncoder.encode(newPassword), forceChange, this.clock.instant());
		return this.users.saveAndFlush(user).toView();
	}

	/** A user changes their own password, proving the current one. */
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		UserAccount user = this.users.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("User", username));
		if (!this.passwordEncoder.matches(currentPassword, user.passwordHash())) {
			throw new BusinessRuleException("password.currentWrong", "The current password is not correct");
		}
		PasswordPolicy.check(newPassword, username);
		user.setPasswordHash(this.passwordEncoder.encode(newPassword), false, this.clock.instant());
	}

	/**
	 * The folded key of a new user name that is neither taken (same fold) nor confusable
	 * with an existing name (same skeleton).
	 */
	private String usernameFree(String username) {
		String key = UsernameKey.fold(username);
		if (key == null || this.users.existsByUsernameKey(key)) {
			throw new BusinessRuleException("user.username.taken", "The user name " + username + " is already taken",
					username);
		}
		String skeleton = UsernameKey.skeleton(username);
		for (String existing : this.users.findAllUsernames()) {
			if (UsernameKey.skeleton(existing).equals(skeleton)) {
				throw new BusinessRuleException("user.username.confusable",
						"The user name " + username + " looks too much like the existing user name " + existing,
						username, existing);
			}
		}
		return key;
	}

	private static Set<String> knownCountries(Set<String> countries) {
		for (String country : countries) {
			if (!Countries.isValid(country)) {
				throw new BusinessRuleException("user.countries.unknown",
						"There is no country with the code " + country, country);
			}
		}
		return countries;
	}

	/**
	 * The user, if the caller manages them: an admin limited to some countries does not
	 * see users beyond their scope ({@link UserScopes}).
	 */
	private UserAccount find(long id) {
		return this.users.findById(id)
			.filter(this.scopes::manages)
			.orElseThrow(() -> new NotFoundException("User", id));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
