package org.outreachcrm.imports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.TextFolding;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named column mappings saved by admins. A file whose folded header row equals a
 * template's is mapped by that template without asking.
 */
@Component
class MappingTemplates {

	/** The longest name of a template ({@code import_mapping_template.name}). */
	static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final ImportTexts texts;

	MappingTemplates(JdbcClient jdbc, ObjectMapper json, Clock clock, ImportTexts texts) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.texts = texts;
	}

	void save(String name, String mappingJson, String user) {
		MappingJson mapping = MappingJson.read(this.json, mappingJson);
		this.jdbc.sql("DELETE FROM import_mapping_template WHERE name = ?").param(name.strip()).update();
		this.jdbc.sql("""
				INSERT INTO import_mapping_template (name, header_signature, mapping, created_by, created_at, version)
				VALUES (?, ?, ?, ?, ?, 0)""")
			.params(name.strip(), signature(mapping.headers()), mappingJson, user,
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	ColumnMapping apply(String name, List<String> headers) {
		String stored = this.jdbc.sql("SELECT mapping FROM import_mapping_template WHERE name = ?")
			.param(name.strip())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException(ImportText.Codes.UNKNOWN_TEMPLATE,
					this.texts.english(ImportText.Codes.UNKNOWN_TEMPLATE, name), name));
		MappingJson template = MappingJson.read(this.json, stored);
		return ColumnMapping.of(headers, template.fields());
	}

	Optional<ColumnMapping> matching(List<String> headers) {
		return this.jdbc.sql("SELECT mapping FROM import_mapping_template WHERE header_signature = ? ORDER BY id DESC")
			.param(signature(headers))
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map((stored) -> ColumnMapping.of(headers, MappingJson.read(this.json, stored).fields()));
	}

	List<String> names() {
		return this.jdbc.sql("SELECT name FROM import_mapping_template ORDER BY name").query(String.class).list();
	}

	private static String signature(List<String> headers) {
		String signature = String.join("|", headers.stream().map(TextFolding::key).toList());
		return signature.length() > 2000 ? signature.substring(0, 2000) : signature;
	}

}
