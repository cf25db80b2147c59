package org.outreachcrm.accounts;

/** What a user may do; each role includes the rights of the ones below it. */
public enum Role {

	/**
	 * Outreach staff: read everything, create and edit the directory and interactions.
	 */
	STAFF,
	/** Staff rights plus reports. */
	MANAGER,
	/** Everything, including users and imports. */
	ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
