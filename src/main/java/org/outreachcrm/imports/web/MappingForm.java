package org.outreachcrm.imports.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.imports.MappingReview;
import org.outreachcrm.imports.mapping.ImportField;

/**
 * The mapping review form: one choice per column (a field name, or empty to leave the
 * column out) and an optional name to save the mapping under.
 */
class MappingForm {

	private List<String> columns = new ArrayList<>();

	private @Nullable String templateName;

	static MappingForm of(MappingReview review) {
		MappingForm form = new MappingForm();
		for (int column = 0; column < review.headers().size(); column++) {
			ImportField field = review.fields().get(column);
			form.columns.add((field == null) ? "" : field.name());
		}
		return form;
	}

	/** Every column's choice, as the overrides {@code Imports.start} takes. */
	Map<Integer, @Nullable ImportField> overrides() {
		Map<Integer, @Nullable ImportField> overrides = new HashMap<>();
		for (int column = 0; column < this.columns.size(); column++) {
			String choice = this.columns.get(column);
			overrides.put(column, (choice == null || choice.isBlank()) ? null : ImportField.valueOf(choice));
		}
		return overrides;
	}

	public List<String> getColumns() {
		return this.columns;
	}

	public void setColumns(List<String> columns) {
		this.columns = columns;
	}

	public @Nullable String getTemplateName() {
		return this.templateName;
	}

	public void setTemplateName(@Nullable String templateName) {
		this.templateName = templateName;
	}

}
