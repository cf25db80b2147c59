package org.outreachcrm.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A user as authenticated, with a stamp of the password it was authenticated with: a
 * digest of the stored hash, which survives Spring Security's erasure of credentials
 * after login, so that a page session can tell at every request whether the password has
 * changed since (see {@link SessionAccountCheck}). The stamp reveals nothing about the
 * password: it is a digest of a salted bcrypt hash.
 */
final class AccountPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final String passwordStamp;

	AccountPrincipal(String username, String passwordHash, boolean enabled,
			Collection<? extends GrantedAuthority> authorities) {
		super(username, passwordHash, enabled, true, true, true, authorities);
		this.passwordStamp = stamp(passwordHash);
	}

	/** Whether this login's password is still the account's password. */
	boolean samePassword(AccountPrincipal current) {
		return MessageDigest.isEqual(this.passwordStamp.getBytes(StandardCharsets.US_ASCII),
				current.passwordStamp.getBytes(StandardCharsets.US_ASCII));
	}

	private static String stamp(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
