package org.outreachcrm.imports.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreachcrm.shared.TextFolding;

/**
 * Recognizes column headers in English, Polish, Romanian and a few other languages,
 * whatever their case, accents, punctuation or spacing ("ADRES E-MAIL:" is
 * {@link ImportField#EMAIL}). The aliases live in
 * {@code imports/header-aliases.properties}.
 */
public final class HeaderMatcher {

	static final String ALIASES = "imports/header-aliases.properties";

	private final Map<String, ImportField> aliases;

	public HeaderMatcher() {
		this(AliasTable.load(ALIASES, ImportField::valueOf));
	}

	HeaderMatcher(Map<String, ImportField> aliases) {
		this.aliases = aliases;
	}

	/** The field a header names, if any. */
	public Optional<ImportField> match(String header) {
		ImportField field = this.aliases.get(TextFolding.key(header));
		if (field == null) {
			// "Email (work)", "Telefon [komórkowy]": the note in brackets is not part of
			// the
			// name.
			String withoutNotes = header.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ");
			if (!withoutNotes.equals(header)) {
				field = this.aliases.get(TextFolding.key(withoutNotes));
			}
		}
		return Optional.ofNullable(field);
	}

	/**
	 * Maps a header row: each recognized header to its field, the first column winning
	 * when two name the same field.
	 */
	public ColumnMapping map(List<String> headers) {
		Map<Integer, ImportField> fields = new HashMap<>();
		for (int column = 0; column < headers.size(); column++) {
			int current = column;
			match(headers.get(column)).filter(field -> !fields.containsValue(field))
				.ifPresent(field -> fields.put(current, field));
		}
		return new ColumnMapping(headers, fields);
	}

}
