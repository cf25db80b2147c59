package org.outreachcrm.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outreachcrm.imports.mapping.ColumnMapping;
import org.outreachcrm.imports.mapping.ImportField;
import tools.jackson.databind.ObjectMapper;

/** A column mapping as stored with a run or a saved template. */
record MappingJson(List<String> headers, Map<Integer, ImportField> fields) {

	static MappingJson of(ColumnMapping mapping) {
		return new MappingJson(mapping.headers(), new HashMap<>(mapping.fieldsByColumn()));
	}

	ColumnMapping toMapping() {
		return ColumnMapping.of(this.headers, this.fields);
	}

	String write(ObjectMapper json) {
		return json.writeValueAsString(this);
	}

	static MappingJson read(ObjectMapper json, String text) {
		return json.readValue(text, MappingJson.class);
	}

}
