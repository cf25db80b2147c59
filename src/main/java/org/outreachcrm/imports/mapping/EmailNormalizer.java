package org.outreachcrm.imports.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trims and lower-cases e-mail addresses and checks their syntax. A malformed address
 * rejects the row: an address that cannot receive mail is worse than none, since people
 * would believe the contact reachable.
 */
public final class EmailNormalizer {

	// Pragmatic, not RFC 5322: what mail providers accept and people actually have.
	private static final Pattern ADDRESS = Pattern.compile(
			"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}");

	private static final Pattern SEPARATORS = Pattern.compile("[;,\\s]+");

	private static final int MAX_LENGTH = 254;

	public NormalizedValue normalize(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return NormalizedValue.valid("");
		}
		String address = trimmed.toLowerCase(Locale.ROOT);
		if (address.startsWith("mailto:")) {
			address = address.substring("mailto:".length());
		}
		if (address.startsWith("<") && address.endsWith(">")) {
			address = address.substring(1, address.length() - 1);
		}
		if (isValid(address)) {
			return NormalizedValue.valid(address);
		}
		String[] parts = SEPARATORS.split(address);
		if (parts.length > 1 && isValid(parts[0])) {
			return NormalizedValue.flagged(parts[0], MappingMessage.SEVERAL_EMAILS, trimmed, parts[0]);
		}
		return NormalizedValue.rejected(MappingMessage.MALFORMED_EMAIL, trimmed);
	}

	private static boolean isValid(String address) {
		return address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
	}

}
