package org.outreachcrm.imports.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

import org.outreachcrm.imports.reading.SheetRow;

/**
 * Which column of a sheet fills which {@link ImportField}; unmapped columns are ignored.
 * Each field comes from at most one column. Immutable: overrides made by the person
 * importing return a new mapping.
 */
public final class ColumnMapping {

	private final List<String> headers;

	private final SortedMap<Integer, ImportField> fieldsByColumn;

	ColumnMapping(List<String> headers, Map<Integer, ImportField> fieldsByColumn) {
		this.headers = List.copyOf(headers);
		this.fieldsByColumn = Collections.unmodifiableSortedMap(new TreeMap<>(fieldsByColumn));
	}

	/**
	 * A mapping chosen by the person importing rather than recognized from headers.
	 * @param headers the header texts by column, for display
	 * @param fieldsByColumn the field each mapped column fills
	 * @throws IllegalArgumentException if two columns fill the same field
	 */
	public static ColumnMapping of(List<String> headers, Map<Integer, ImportField> fieldsByColumn) {
		if (fieldsByColumn.values().stream().distinct().count() != fieldsByColumn.size()) {
			throw new IllegalArgumentException("Each field can come from one column only: " + fieldsByColumn);
		}
		if (fieldsByColumn.keySet().stream().anyMatch(column -> column < 0)) {
			throw new IllegalArgumentException("Columns are 0-based: " + fieldsByColumn);
		}
		return new ColumnMapping(headers, fieldsByColumn);
	}

	/** The header texts as found in the sheet, by column. */
	public List<String> headers() {
		return this.headers;
	}

	/** The mapped columns and their fields, in column order. */
	public SortedMap<Integer, ImportField> fieldsByColumn() {
		return this.fieldsByColumn;
	}

	public Optional<ImportField> field(int column) {
		return Optional.ofNullable(this.fieldsByColumn.get(column));
	}

	public OptionalInt column(ImportField field) {
		return this.fieldsByColumn.entrySet()
			.stream()
			.filter(entry -> entry.getValue() == field)
			.mapToInt(Map.Entry::getKey)
			.findFirst();
	}

	public boolean isMapped(ImportField field) {
		return this.fieldsByColumn.containsValue(field);
	}

	/** Number of distinct fields mapped. */
	public int size() {
		return this.fieldsByColumn.size();
	}

	/**
	 * A mapping where {@code column} fills {@code field}; a column that filled that field
	 * before is ignored from now on.
	 */
	public ColumnMapping with(int column, ImportField field) {
		Map<Integer, ImportField> changed = new TreeMap<>(this.fieldsByColumn);
		changed.values().removeIf(existing -> existing == field);
		changed.put(column, field);
		return new ColumnMapping(this.headers, changed);
	}

	/** A mapping where {@code column} is ignored. */
	public ColumnMapping ignoring(int column) {
		Map<Integer, ImportField> changed = new TreeMap<>(this.fieldsByColumn);
		changed.remove(column);
		return new ColumnMapping(this.headers, changed);
	}

	/** The text of {@code field} in {@code row}, "" when unmapped or empty. */
	public String value(SheetRow row, ImportField field) {
		OptionalInt column = column(field);
		return column.isPresent() ? row.cell(column.getAsInt()) : "";
	}

	/** Whether the cell of {@code field} in {@code row} was a date cell. */
	public boolean isDate(SheetRow row, ImportField field) {
		OptionalInt column = column(field);
		return column.isPresent() && row.isDate(column.getAsInt());
	}

	/** The non-empty mapped values of {@code row}. */
	public Map<ImportField, String> values(SheetRow row) {
		Map<ImportField, String> values = new EnumMap<>(ImportField.class);
		this.fieldsByColumn.forEach((column, field) -> {
			String text = row.cell(column);
			if (!text.isEmpty()) {
				values.put(field, text);
			}
		});
		return values;
	}

	@Override
	public String toString() {
		return "ColumnMapping" + this.fieldsByColumn;
	}

}
