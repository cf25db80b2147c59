package org.outreachcrm.outreach;

import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.BusinessRuleException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The logged-in user as a user id with roles: the default staff member of interactions,
 * the assignee of follow-ups and the organizer of meetings, and who may see whose
 * follow-ups.
 */
@Component
public class CurrentUser {

	private final UserAccounts users;

	CurrentUser(UserAccounts users) {
		this.users = users;
	}

	/** The current user's id; refused when the login has no user account. */
	public long id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new BusinessRuleException("outreach.user.unknown", "The current login has no user account", "");
		}
		return this.users.idOf(authentication.getName())
			.orElseThrow(() -> new BusinessRuleException("outreach.user.unknown",
					"The current login " + authentication.getName() + " has no user account",
					authentication.getName()));
	}

	/** Whether the current user sees everyone's work (MANAGER or ADMIN). */
	public boolean isManager() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (Role.MANAGER.authority().equals(name) || Role.ADMIN.authority().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
