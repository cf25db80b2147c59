package org.outreachcrm.audit;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites history where the law asks for it: when a person is erased, the modules
 * overwrite that person's values in every past revision of their records, and a person
 * deleted earlier is known only from those revisions. Runs in the caller's transaction
 * (the erasure is all or nothing).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AuditTrail {

	private static final Pattern COLUMN = Pattern.compile("[a-z_]+");

	/** The columns that identify an Envers row rather than hold the record's values. */
	private static final Set<String> ROW_KEYS = Set.of("id", "rev", "revtype");

	private final NamedParameterJdbcTemplate jdbc;

	AuditTrail(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the given columns to the given values in every revision of the records. */
	public void overwrite(AuditedEntity entity, Collection<Long> ids, Map<String, @Nullable Object> values) {
		if (ids.isEmpty() || values.isEmpty()) {
			return;
		}
		List<String> sets = new ArrayList<>();
		Map<String, @Nullable Object> params = new HashMap<>();
		int i = 0;
		for (Map.Entry<String, @Nullable Object> value : values.entrySet()) {
			sets.add(column(value.getKey()) + " = :v" + i);
			params.put("v" + i++, value.getValue());
		}
		params.put("ids", ids);
		this.jdbc.update("UPDATE " + entity.auditTable() + " SET " + String.join(", ", sets) + " WHERE id IN (:ids)",
				params);
	}

	/**
	 * Replaces {@code text} by {@code replacement} inside a text column of every revision
	 * of the records (case-sensitive, as stored).
	 */
	public void redact(AuditedEntity entity, Collection<Long> ids, String column, String text, String replacement) {
		if (ids.isEmpty() || text.isBlank()) {
			return;
		}
		String c = column(column);
		this.jdbc.update("UPDATE " + entity.auditTable() + " SET " + c + " = REPLACE(" + c + ", :text, :replacement)"
				+ " WHERE id IN (:ids)", Map.of("text", text, "replacement", replacement, "ids", ids));
	}

	/**
	 * Forgets the history of an audited collection (e-mails, phones, ...) of the records.
	 */
	public void forgetCollection(AuditedEntity entity, String field, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		AuditedEntity.Collection collection = collection(entity, field);
		this.jdbc.update("DELETE FROM " + collection.table() + " WHERE " + collection.ownerColumn() + " IN (:ids)",
				Map.of("ids", ids));
	}

	/**
	 * Records of {@code entity} whose collection {@code field} ever held {@code value}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Set<Long> everHeld(AuditedEntity entity, String field, Object value) {
		AuditedEntity.Collection collection = collection(entity, field);
		return Set
			.copyOf(this.jdbc.queryForList("SELECT DISTINCT " + collection.ownerColumn() + " FROM " + collection.table()
					+ " WHERE " + collection.valueColumn() + " = :value", Map.of("value", value), Long.class));
	}

	/**
	 * The values of the newest revision of a record that holds any (a deletion written
	 * before Envers kept deleted records' values holds only the id; then the newest row);
	 * keyed by lower-case column, without id, rev and revtype. Empty when the record has
	 * no history at all.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Map<String, @Nullable Object>> latestValues(AuditedEntity entity, long id) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		this.jdbc.query("SELECT * FROM " + entity.auditTable() + " WHERE id = :id ORDER BY rev DESC", Map.of("id", id),
				(ResultSet rs) -> {
					ResultSetMetaData meta = rs.getMetaData();
					Map<String, @Nullable Object> values = new HashMap<>();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
						if (!ROW_KEYS.contains(column)) {
							values.put(column, rs.getObject(i));
						}
					}
					rows.add(values);
				});
		return rows.stream()
			.filter((values) -> values.entrySet()
				.stream()
				.anyMatch((v) -> v.getValue() != null && !AuditedEntity.HIDDEN.contains(v.getKey())))
			.findFirst()
			.or(() -> rows.stream().findFirst());
	}

	/** Every value the audited collection {@code field} of the record ever held. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<String> valuesEverHeld(AuditedEntity entity, String field, long id) {
		AuditedEntity.Collection collection = collection(entity, field);
		return this.jdbc.queryForList("SELECT DISTINCT " + collection.valueColumn() + " FROM " + collection.table()
				+ " WHERE " + collection.ownerColumn() + " = :id", Map.of("id", id), String.class);
	}

	private static AuditedEntity.Collection collection(AuditedEntity entity, String field) {
		return entity.collections()
			.stream()
			.filter((c) -> c.field().equals(field))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(entity + " has no audited collection " + field));
	}

	static String column(String name) {
		if (!COLUMN.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a column name: " + name);
		}
		return name;
	}

}
