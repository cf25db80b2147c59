package org.outreachcrm.imports.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreachcrm.shared.TextFolding;

/**
 * Reads an organization type as people write it in English, Polish or Romanian
 * ("Fundacja", "Sindicat", "Uniwersytet Warszawski") into an
 * {@link OrganizationTypeCode}. The aliases live in
 * {@code imports/organization-type-aliases.properties}.
 */
public final class OrganizationTypeNormalizer {

	static final String ALIASES = "imports/organization-type-aliases.properties";

	private final Map<String, OrganizationTypeCode> aliases;

	// Longest first, so "stowarzyszenie zawodowe" beats "stowarzyszenie".
	private final List<String> aliasesByLength;

	public OrganizationTypeNormalizer() {
		this.aliases = AliasTable.load(ALIASES, OrganizationTypeCode::valueOf);
		this.aliasesByLength = this.aliases.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * The type code of {@code text}; OTHER with a warning when unknown, "" when empty.
	 */
	public NormalizedValue normalize(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return NormalizedValue.valid("");
		}
		return code(trimmed).map(code -> NormalizedValue.valid(code.name()))
			.orElseGet(() -> NormalizedValue.flagged(OrganizationTypeCode.OTHER.name(),
					MappingMessage.UNKNOWN_ORGANIZATION_TYPE, trimmed));
	}

	/** The type code of {@code text}, if recognized. */
	public Optional<OrganizationTypeCode> code(String text) {
		String key = TextFolding.key(text);
		OrganizationTypeCode exact = this.aliases.get(key);
		if (exact != null) {
			return Optional.of(exact);
		}
		String padded = " " + key + " ";
		return this.aliasesByLength.stream()
			.filter(alias -> padded.contains(" " + alias + " "))
			.findFirst()
			.map(this.aliases::get);
	}

}
