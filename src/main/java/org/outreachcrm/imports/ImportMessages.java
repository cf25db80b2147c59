package org.outreachcrm.imports;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Sentences the import says to the admin (English; the report and API show them as they
 * are). In one place so that they can move to the message bundles with the import
 * screens.
 */
final class ImportMessages {

	static final String NO_ORGANIZATION_NOR_PERSON = "The row names neither an organization nor a person "
			+ "(no organization name, no person's name and no e-mail).";

	static final String TOO_LONG = "The value has {0} characters; at most {1} fit in this field.";

	static final String UNKNOWN_LANGUAGE = "\"{0}\" is not a language we know, so it was kept in the notes.";

	static final String NOT_MATCHED_UPDATE_ONLY = "Nothing stored matches this row, and the import only updates "
			+ "existing records, so it was skipped.";

	static final String UNEXPECTED_FAILURE = "The import stopped because of an unexpected error ({0}). Nothing of "
			+ "this file was kept; please try again or report it.";

	static final String INTERRUPTED = "The application stopped while importing; the import was resumed.";

	static final String UNDO_NOT_FINISHED = "Only a finished import can be undone.";

	static final String UNDO_DRY_RUN = "A dry run wrote nothing, so there is nothing to undo.";

	static final String UNDO_ALREADY = "This import was already undone.";

	static final String UNKNOWN_TEMPLATE = "There is no saved mapping called \"{0}\".";

	static final String NOT_AWAITING_REVIEW = "This import was started already.";

	static final String RERUN_NOT_DRY_RUN = "Only a finished dry run can be imported for real.";

	static final String DUPLICATE_FIELD = "Two columns cannot both fill {0}; leave one of them out.";

	static final String SHEET_UNUSABLE = "The sheet \"{0}\" cannot be imported: {1}";

	static final String COUNTRY_OUT_OF_SCOPE = "The country {0} is outside your scope, so the row was not imported.";

	static final String NO_COUNTRY_IN_SCOPE = "The row has no country, and you may only import rows of your "
			+ "countries ({0}).";

	private ImportMessages() {
	}

	static String format(String pattern, Object... arguments) {
		return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
	}

}
