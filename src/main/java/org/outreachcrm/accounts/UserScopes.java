package org.outreachcrm.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Which accounts an admin manages (docs/security.md, "A scoped admin"): an admin with all
 * countries manages everyone; an admin limited to some countries manages only users whose
 * countries all lie within theirs, never an account with all countries, and gives no one
 * (themselves included) a country beyond their own or all countries. Without the rule a
 * scoped admin could widen their own scope, or reset the password of an admin with all
 * countries and so take the whole system.
 */
@Component
class UserScopes {

	private final UserAccountRepository users;

	// the current scope is worked out from the accounts, so it is looked up when needed
	private final ObjectProvider<CurrentScope> scope;

	UserScopes(UserAccountRepository users, ObjectProvider<CurrentScope> scope) {
		this.users = users;
		this.scope = scope;
	}

	/** Whether the caller manages this user. */
	boolean manages(UserAccount user) {
		return within(user.countries(), caller());
	}

	/**
	 * Refuses to give a user countries beyond the caller's own (an empty set is all
	 * countries, the widest scope).
	 */
	void checkGrant(Set<String> countries) {
		CountryScope caller = caller();
		if (!within(countries, caller)) {
			String own = String.join(", ", new TreeSet<>(caller.countries()));
			throw new BusinessRuleException("user.countries.beyondScope",
					"You can give users only countries within your own: " + own, own);
		}
	}

	/** The users the caller manages, a page of them. */
	Page<UserAccount> list(Pageable pageable) {
		CountryScope caller = caller();
		if (caller.all()) {
			return this.users.findAll(pageable);
		}
		// a login without an account sees no country, so manages no one
		return caller.countries().isEmpty() ? Page.empty(pageable)
				: this.users.findWithinCountries(caller.countries(), pageable);
	}

	/**
	 * Disabled accounts the caller manages, changed at or after {@code since}, most
	 * recent first: the scope is part of the query, so no account drops out behind
	 * others.
	 */
	List<UserAccount> disabledSince(Instant since, int limit) {
		CountryScope caller = caller();
		PageRequest first = PageRequest.of(0, limit);
		if (caller.all()) {
			return this.users.findDisabledSince(since, first);
		}
		return caller.countries().isEmpty() ? List.of()
				: this.users.findDisabledSinceWithinCountries(since, caller.countries(), first);
	}

	private CountryScope caller() {
		return this.scope.getObject().get();
	}

	private static boolean within(Set<String> countries, CountryScope caller) {
		return caller.all() || (!countries.isEmpty() && caller.countries().containsAll(countries));
	}

}
