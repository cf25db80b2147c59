package org.outreachcrm.duplicates.matching;

/**
 * Why a pair was proposed. Stored by name; shown through the message key
 * {@code duplicates.reason.<name in lower case with dashes>}.
 */
public enum Reason {

	/** The names are the same apart from case and spaces. */
	SAME_NAME,
	/** The names are the same once accents and case are dropped. */
	NAME_WITHOUT_ACCENTS,
	/** One name is written in another script; they match once transliterated. */
	NAME_TRANSLITERATED,
	/** The names match once legal forms ("sp. z o.o.", "e.V.") and quotes are removed. */
	NAME_WITHOUT_LEGAL_FORM,
	/** The same words in another order. */
	NAME_REORDERED,
	/** The names differ by a typo or another spelling of a word. */
	NAME_TYPO,
	/** One name holds every word of the other and a little more. */
	NAME_CONTAINED,
	/** Same website domain. */
	SAME_WEBSITE,
	/** Same e-mail address. */
	SAME_EMAIL,
	/** Same phone number (E.164). */
	SAME_PHONE,
	/** Same city. */
	SAME_CITY;

	/** The message key of this reason. */
	public String messageKey() {
		return "duplicates.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
