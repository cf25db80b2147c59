package org.outreachcrm.imports.mapping;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every warning and rejection reason the normalizers give, in one place so that the
 * templates can move to message bundles under their {@link #key() keys}. The import job
 * adds the row and column they concern.
 */
public enum MappingMessage {

	/** {0} the text. */
	UNKNOWN_COUNTRY("\"{0}\" is not a country name or code we know, so the country was left empty."),

	/** {0} the text. */
	UNKNOWN_ORGANIZATION_TYPE("\"{0}\" is not an organization type we know, so the type was set to Other."),

	/** {0} the text. */
	UNREADABLE_PHONE("\"{0}\" could not be read as a phone number, so it was kept as typed."),

	/** {0} the text, {1} the country code used. */
	INVALID_PHONE("\"{0}\" is not a valid phone number for {1}, so it was kept as typed."),

	/** {0} the text. */
	MALFORMED_EMAIL("\"{0}\" is not a valid e-mail address."),

	/** {0} the text, {1} the address kept. */
	SEVERAL_EMAILS("\"{0}\" holds several e-mail addresses; only the first, {1}, was kept."),

	/** {0} the text. */
	UNREADABLE_DATE("\"{0}\" could not be read as a date, so it was kept as typed."),

	/** {0} the text, {1} the ISO date it was read as. */
	DATE_READ_DAY_FIRST("\"{0}\" cannot be month/day/year, so it was read as day/month/year: {1}."),

	/** {0} the text, {1} the ISO date it was read as. */
	DATE_READ_MONTH_FIRST("\"{0}\" cannot be day/month/year, so it was read as month/day/year: {1}.");

	private final String template;

	MappingMessage(String template) {
		this.template = template;
	}

	/** The message bundle key this template will have. */
	public String key() {
		return "imports.mapping." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String template() {
		return this.template;
	}

	/** The English sentence with the arguments filled in. */
	public String format(List<String> arguments) {
		return new MessageFormat(this.template, Locale.ROOT).format(arguments.toArray());
	}

}
