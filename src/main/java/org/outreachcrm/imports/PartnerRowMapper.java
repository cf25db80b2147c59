package org.outreachcrm.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.OrganizationType;
import org.outreachcrm.imports.ImportText.Codes;
import org.outreachcrm.imports.RowResult.Problem;
import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.CountryNormalizer;
import org.outreachcrm.imports.mapping.DateNormalizer;
import org.outreachcrm.imports.mapping.DateOrder;
import org.outreachcrm.imports.mapping.EmailNormalizer;
import org.outreachcrm.imports.mapping.ImportField;
import org.outreachcrm.imports.mapping.NormalizedValue;
import org.outreachcrm.imports.mapping.OrganizationTypeNormalizer;
import org.outreachcrm.imports.mapping.PhoneNormalizer;
import org.outreachcrm.imports.reading.ReadingLimits;
import org.outreachcrm.imports.reading.SheetRow;
import org.outreachcrm.shared.CountryScope;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The import step's processor. Turns one sheet row into a directory row: picks the mapped
 * columns, normalizes each value and decides whether the row is usable. A value that
 * cannot be normalized never loses the row (it is kept in the notes, with a warning);
 * only a malformed email, or a row that names neither an organization nor a person,
 * rejects it, and for a user limited to some countries a row of another country or
 * without one. Safe for concurrent use: the step maps the rows of a chunk on several
 * threads.
 */
class PartnerRowMapper implements ItemProcessor<SheetRow, RowResult> {

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	/**
	 * The longest value each stored field holds (the column sizes of the directory
	 * tables).
	 */
	private static final Map<ImportField, Integer> MAX_LENGTH = Map.ofEntries(
			Map.entry(ImportField.ORGANIZATION_NAME, 300), Map.entry(ImportField.CITY, 200),
			Map.entry(ImportField.ORGANIZATION_WEBSITE, 500), Map.entry(ImportField.ORGANIZATION_EMAIL, 320),
			Map.entry(ImportField.EMAIL, 320), Map.entry(ImportField.GIVEN_NAME, 200),
			Map.entry(ImportField.FAMILY_NAME, 200), Map.entry(ImportField.FULL_NAME, 300),
			Map.entry(ImportField.JOB_TITLE, 200), Map.entry(ImportField.NOTES, 20000));

	private static final CountryNormalizer COUNTRIES = new CountryNormalizer();

	private static final OrganizationTypeNormalizer TYPES = new OrganizationTypeNormalizer();

	private static final EmailNormalizer EMAILS = new EmailNormalizer();

	private static final PhoneNormalizer PHONES = new PhoneNormalizer();

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[,;|]");

	/**
	 * Distinct country (and language) cells remembered per step: a list names a few
	 * dozen.
	 */
	private static final int COUNTRY_CACHE_LIMIT = 10_000;

	private final Map<String, NormalizedValue> countries = new ConcurrentHashMap<>();

	private final Map<String, String> languageNames = new ConcurrentHashMap<>();

	/** Each field's header (or name), worked out once rather than per warning. */
	private final Map<ImportField, String> headers = new EnumMap<>(ImportField.class);

	private final ColumnMapping mapping;

	private final DateNormalizer dates;

	private final @Nullable String fileName;

	private final CountryScope scope;

	private final ReadingLimits limits;

	PartnerRowMapper(ColumnMapping mapping, DateOrder dateOrder) {
		this(mapping, dateOrder, null, CountryScope.everything());
	}

	PartnerRowMapper(ColumnMapping mapping, DateOrder dateOrder, @Nullable String fileName, CountryScope scope) {
		this(mapping, dateOrder, fileName, scope, ReadingLimits.DEFAULTS);
	}

	/**
	 * @param fileName the name of the file, which becomes the source of consents it
	 * brings
	 * @param scope the countries of the user who started the import: rows of other
	 * countries, or without a country, are rejected unless it is all countries
	 * @param limits the reading limits the file was read with, named when a cell or row
	 * went past them
	 */
	PartnerRowMapper(ColumnMapping mapping, DateOrder dateOrder, @Nullable String fileName, CountryScope scope,
			ReadingLimits limits) {
		this.limits = limits;
		this.mapping = mapping;
		this.dates = new DateNormalizer(dateOrder);
		this.fileName = fileName;
		this.scope = scope;
		for (ImportField field : ImportField.values()) {
			int column = mapping.column(field).orElse(-1);
			List<String> headers = mapping.headers();
			this.headers.put(field, column >= 0 && column < headers.size() && !headers.get(column).isBlank()
					? headers.get(column) : field.name());
		}
	}

	/** Never filters a row out: a row it cannot use comes back rejected, with reasons. */
	@Override
	public RowResult process(SheetRow sheetRow) {
		return map(sheetRow);
	}

	RowResult map(SheetRow sheetRow) {
		if (sheetRow.overLong()) {
			return overLong(sheetRow);
		}
		Map<ImportField, String> values = this.mapping.values(sheetRow);
		List<Problem> warnings = new ArrayList<>();
		List<Problem> rejections = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		MAX_LENGTH.forEach((field, max) -> {
			int length = text(values, field).strip().length();
			if (length > max) {
				rejections.add(problem(field, ImportText.of(Codes.TOO_LONG, length, max)));
			}
		});

		String country = normalized(ImportField.COUNTRY, country(text(values, ImportField.COUNTRY)), warnings,
				rejections);
		if (!this.scope.includes(country)) {
			rejections.add(problem(ImportField.COUNTRY,
					(country == null)
							? ImportText.of(Codes.NO_COUNTRY_IN_SCOPE,
									String.join(", ", new java.util.TreeSet<>(this.scope.countries())))
							: ImportText.of(Codes.COUNTRY_OUT_OF_SCOPE, country)));
		}
		OrganizationType type = organizationType(values, warnings);
		String email = normalized(ImportField.EMAIL, EMAILS.normalize(text(values, ImportField.EMAIL)), warnings,
				rejections);
		String organizationEmail = normalized(ImportField.ORGANIZATION_EMAIL,
				EMAILS.normalize(text(values, ImportField.ORGANIZATION_EMAIL)), warnings, rejections);
		String phone = phone(values, ImportField.PHONE, country, warnings, notes);
		String organizationPhone = phone(values, ImportField.ORGANIZATION_PHONE, country, warnings, notes);
		String language = language(values, warnings, notes);
		String consentDate = consentDate(sheetRow, values, warnings, notes);
		keepInNotes(values, ImportField.ADDRESS, notes);
		keepInNotes(values, ImportField.POSTAL_CODE, notes);
		String typedNotes = blankToNull(text(values, ImportField.NOTES));
		if (typedNotes != null) {
			notes.add(0, typedNotes);
		}

		DirectoryRow row = new DirectoryRow(sheetRow.number(), blankToNull(text(values, ImportField.ORGANIZATION_NAME)),
				type, country, blankToNull(text(values, ImportField.CITY)),
				blankToNull(text(values, ImportField.ORGANIZATION_WEBSITE)), organizationEmail, organizationPhone,
				blankToNull(text(values, ImportField.GIVEN_NAME)), blankToNull(text(values, ImportField.FAMILY_NAME)),
				blankToNull(text(values, ImportField.FULL_NAME)), email, phone,
				blankToNull(text(values, ImportField.JOB_TITLE)), language,
				notes.isEmpty() ? null : String.join("\n", notes), tags(text(values, ImportField.TAGS)), consentDate,
				consentDate == null ? null : consentFile());
		if (rejections.isEmpty() && !row.hasOrganization() && !row.hasPerson()) {
			rejections.add(new Problem(null, ImportText.of(Codes.NO_ORGANIZATION_NOR_PERSON)));
		}
		// the cells travel along only for the rejection report
		return new RowResult(sheetRow.number(), rejections.isEmpty() ? List.of() : sheetRow.cells(),
				rejections.isEmpty() ? row : null, warnings, rejections);
	}

	/**
	 * A row with a cell longer than a cell may be, or longer as a whole than a row may
	 * be, is rejected as it is: the reader kept only the start of such a cell.
	 */
	private RowResult overLong(SheetRow sheetRow) {
		List<Problem> rejections = new ArrayList<>();
		if (sheetRow.cut()) {
			rejections.add(new Problem(null,
					ImportText.of(Codes.ROW_TOO_LONG, this.limits.maxRowChars(), String.valueOf(sheetRow.number()))));
		}
		for (int column : new TreeSet<>(sheetRow.overLongColumns())) {
			rejections.add(new Problem(columnName(column),
					ImportText.of(Codes.CELL_TOO_LONG, this.limits.maxCellChars(), String.valueOf(sheetRow.number()))));
		}
		return new RowResult(sheetRow.number(), sheetRow.cells(), null, List.of(), rejections);
	}

	/** The column's header, or its letter when it has none. */
	private String columnName(int column) {
		List<String> headers = this.mapping.headers();
		return column < headers.size() && !headers.get(column).isBlank() ? headers.get(column)
				: CellReference.convertNumToColString(column);
	}

	private @Nullable String normalized(ImportField field, NormalizedValue value, List<Problem> warnings,
			List<Problem> rejections) {
		if (value instanceof NormalizedValue.Rejected rejected) {
			rejections.add(problem(field, text(rejected.reason())));
		}
		else if (value instanceof NormalizedValue.Flagged flagged) {
			warnings.add(problem(field, text(flagged.warning())));
			// an unknown country stays empty; other flagged values are usable
			if (field == ImportField.COUNTRY) {
				return null;
			}
		}
		return blankToNull(value.value());
	}

	private @Nullable OrganizationType organizationType(Map<ImportField, String> values, List<Problem> warnings) {
		String text = text(values, ImportField.ORGANIZATION_TYPE);
		if (text.isBlank()) {
			return null;
		}
		NormalizedValue value = TYPES.normalize(text);
		value.notice().ifPresent((notice) -> warnings.add(problem(ImportField.ORGANIZATION_TYPE, text(notice))));
		return value.value().isEmpty() ? OrganizationType.OTHER : OrganizationType.valueOf(value.value());
	}

	private @Nullable String phone(Map<ImportField, String> values, ImportField field, @Nullable String country,
			List<Problem> warnings, List<String> notes) {
		String text = text(values, field);
		if (text.isBlank()) {
			return null;
		}
		NormalizedValue value = PHONES.normalize(text, country);
		if (value instanceof NormalizedValue.Flagged flagged) {
			warnings.add(problem(field, text(flagged.warning())));
			notes.add(header(field) + ": " + text.strip());
			return null;
		}
		return blankToNull(value.value());
	}

	private @Nullable String language(Map<ImportField, String> values, List<Problem> warnings, List<String> notes) {
		String text = text(values, ImportField.PREFERRED_LANGUAGE).strip().toLowerCase(Locale.ROOT);
		if (text.isEmpty()) {
			return null;
		}
		if (LANGUAGES.contains(text)) {
			return text;
		}
		// a language's name (not code) is looked up among a thousand locales: once per
		// distinct text and step
		String code = this.languageNames.get(text);
		if (code == null) {
			code = languageNamed(text);
			if (this.languageNames.size() < COUNTRY_CACHE_LIMIT) {
				this.languageNames.put(text, code);
			}
		}
		if (!code.isEmpty()) {
			return code;
		}
		warnings.add(problem(ImportField.PREFERRED_LANGUAGE, ImportText.of(Codes.UNKNOWN_LANGUAGE, text)));
		notes.add(header(ImportField.PREFERRED_LANGUAGE) + ": " + text);
		return null;
	}

	/** The code of the language named {@code text}, or "" when none is. */
	private static String languageNamed(String text) {
		for (Locale locale : Locale.getAvailableLocales()) {
			if (!locale.getLanguage().isEmpty() && (locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(text)
					|| locale.getDisplayLanguage(locale).equalsIgnoreCase(text))) {
				return locale.getLanguage();
			}
		}
		return "";
	}

	/**
	 * The consent date as an ISO date when it reads as one (the person's consent becomes
	 * GIVEN, from this file); kept in the notes too, as typed or normalized.
	 */
	private @Nullable String consentDate(SheetRow row, Map<ImportField, String> values, List<Problem> warnings,
			List<String> notes) {
		String text = text(values, ImportField.CONSENT_DATE);
		if (text.isBlank()) {
			return null;
		}
		NormalizedValue value = this.dates.normalize(text, this.mapping.isDate(row, ImportField.CONSENT_DATE));
		value.notice().ifPresent((notice) -> warnings.add(problem(ImportField.CONSENT_DATE, text(notice))));
		notes.add(header(ImportField.CONSENT_DATE) + ": " + (value.value().isEmpty() ? text.strip() : value.value()));
		return ISO_DATE.matcher(value.value()).matches() ? value.value() : null;
	}

	private String consentFile() {
		String name = this.fileName == null ? "import" : this.fileName;
		return name.length() > 500 ? name.substring(0, 500) : name;
	}

	private void keepInNotes(Map<ImportField, String> values, ImportField field, List<String> notes) {
		String text = blankToNull(text(values, field));
		if (text != null) {
			notes.add(header(field) + ": " + text);
		}
	}

	private Problem problem(ImportField field, ImportText text) {
		return new Problem(header(field), text);
	}

	private static ImportText text(NormalizedValue.Notice notice) {
		return ImportText.of(notice.message(), notice.arguments());
	}

	private String header(ImportField field) {
		return this.headers.get(field);
	}

	/**
	 * The country cell normalized; the same few texts recur on every row, and each costs
	 * a fold and up to two table look-ups.
	 */
	private NormalizedValue country(String text) {
		NormalizedValue known = this.countries.get(text);
		if (known == null) {
			known = COUNTRIES.normalize(text);
			if (this.countries.size() < COUNTRY_CACHE_LIMIT) {
				this.countries.put(text, known);
			}
		}
		return known;
	}

	private static Set<String> tags(String text) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : TAG_SEPARATORS.split(text)) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		return tags;
	}

	private static String text(Map<ImportField, String> values, ImportField field) {
		String value = values.get(field);
		return value == null ? "" : value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
