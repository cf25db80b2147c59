package org.outreachcrm.imports;

import java.util.Arrays;
import java.util.List;

import org.outreachcrm.imports.mapping.MappingMessage;
import org.outreachcrm.imports.reading.ReadingMessage;
import org.outreachcrm.imports.reading.SpreadsheetException;

/**
 * Something the import says to a user, kept as a message bundle key and its arguments so
 * that every reader sees it in their own language (pages in the language they chose, the
 * API in the request's {@code Accept-Language}, the rejection report in the language of
 * whoever downloads it).
 *
 * @param code the key in {@code messages*.properties}
 * @param args the arguments as text; values from the file are shortened to
 * {@link #MAX_ARGUMENT} characters, so that a message always fits its column. A
 * spreadsheet format's description key ({@code imports.format.*}) is translated too.
 */
public record ImportText(String code, List<String> args) {

	/** The longest argument kept: a whole cell of junk is not worth repeating. */
	static final int MAX_ARGUMENT = 200;

	public ImportText {
		args = args.stream().map(ImportText::shorten).toList();
	}

	static ImportText of(String code, Object... args) {
		return new ImportText(code, Arrays.stream(args).map(String::valueOf).toList());
	}

	static ImportText of(MappingMessage message, List<String> args) {
		return new ImportText(message.key(), args);
	}

	static ImportText of(ReadingMessage message, List<String> args) {
		return new ImportText(message.key(), args);
	}

	static ImportText of(SpreadsheetException ex) {
		return of(ex.reason(), ex.arguments());
	}

	private static String shorten(String arg) {
		return arg.length() <= MAX_ARGUMENT ? arg : arg.substring(0, MAX_ARGUMENT - 1) + "\u2026";
	}

	/**
	 * Keys of the sentences the import itself says (the readers' and normalizers' are
	 * their enums' keys). {@code ImportTextBundlesTest} finds every constant here and
	 * fails when a language lacks it.
	 */
	static final class Codes {

		static final String NO_ORGANIZATION_NOR_PERSON = "imports.row.no-organization-nor-person";

		/** {0} the length of the value, {1} the most the field holds. */
		static final String TOO_LONG = "imports.row.too-long";

		/** {0} the most characters a cell may hold, {1} the row number. */
		static final String CELL_TOO_LONG = "imports.row.cell-too-long";

		/** {0} the most characters a row may hold, {1} the row number. */
		static final String ROW_TOO_LONG = "imports.row.row-too-long";

		/** {0} the text. */
		static final String UNKNOWN_LANGUAGE = "imports.row.unknown-language";

		static final String NOT_MATCHED_UPDATE_ONLY = "imports.row.not-matched-update-only";

		/** {0} the country code. */
		static final String COUNTRY_OUT_OF_SCOPE = "imports.row.country-out-of-scope";

		/** {0} the countries of the user, comma-separated. */
		static final String NO_COUNTRY_IN_SCOPE = "imports.row.no-country-in-scope";

		/** {0} the kind of error (an exception's simple class name). */
		static final String UNEXPECTED_FAILURE = "imports.run.unexpected-failure";

		static final String UNDO_NOT_FINISHED = "import.undo.notFinished";

		static final String UNDO_DRY_RUN = "import.undo.dryRun";

		static final String UNDO_ALREADY = "import.undo.already";

		/** {0} the name asked for. */
		static final String UNKNOWN_TEMPLATE = "import.template.unknown";

		/** {0} the most characters a template's name may have. */
		static final String TEMPLATE_NAME_TOO_LONG = "import.template.nameTooLong";

		static final String NOT_AWAITING_REVIEW = "import.start.notAwaiting";

		static final String RERUN_NOT_DRY_RUN = "import.rerun.notDryRun";

		/** {0} the field. */
		static final String DUPLICATE_FIELD = "import.mapping.duplicate";

		/** {0} the sheet, {1} why (a reading message). */
		static final String SHEET_UNUSABLE = "import.sheet.unusable";

		private Codes() {
		}

	}

}
