package org.outreachcrm.imports.mapping;

import java.util.Locale;

/**
 * Every warning and rejection reason the normalizers give; the sentences are in the
 * message bundles ({@code messages*.properties}) under their {@link #key() keys}. The
 * import job adds the row and column they concern.
 */
public enum MappingMessage {

	/** {0} the text. */
	UNKNOWN_COUNTRY,

	/** {0} the text. */
	UNKNOWN_ORGANIZATION_TYPE,

	/** {0} the text. */
	UNREADABLE_PHONE,

	/** {0} the text, {1} the country code used. */
	INVALID_PHONE,

	/** {0} the text. */
	MALFORMED_EMAIL,

	/** {0} the text, {1} the address kept. */
	SEVERAL_EMAILS,

	/** {0} the text. */
	UNREADABLE_DATE,

	/** {0} the text, {1} the ISO date it was read as. */
	DATE_READ_DAY_FIRST,

	/** {0} the text, {1} the ISO date it was read as. */
	DATE_READ_MONTH_FIRST;

	/** The message bundle key of this message. */
	public String key() {
		return "imports.mapping." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
