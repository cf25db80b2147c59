package org.outreachcrm.accounts;

import java.security.SecureRandom;

import org.outreachcrm.shared.BusinessRuleException;

/** The minimum a password must meet, and strong generated passwords. */
public final class PasswordPolicy {

	/** Shortest password accepted. */
	public static final int MIN_LENGTH = 12;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		if (password.length() < MIN_LENGTH) {
			throw new BusinessRuleException("password.tooShort",
					"The password must have at least " + MIN_LENGTH + " characters", MIN_LENGTH);
		}
		if (password.equalsIgnoreCase(username)) {
			throw new BusinessRuleException("password.sameAsUsername", "The password must not be the user name");
		}
		if (password.chars().distinct().count() < 5) {
			throw new BusinessRuleException("password.tooSimple",
					"The password is too simple: use more different characters");
		}
	}

	/** A random password of 24 characters (about 140 bits). */
	static String generate() {
		StringBuilder out = new StringBuilder(24);
		for (int i = 0; i < 24; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

}
