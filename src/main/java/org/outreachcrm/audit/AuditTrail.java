package org.outreachcrm.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites history where the law asks for it: when a person is erased, the modules
 * overwrite that person's values in every past revision of their records. Runs in the
 * caller's transaction (the erasure is all or nothing).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AuditTrail {

	private static final Pattern COLUMN = Pattern.compile("[a-z_]+");

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
		for (AuditedEntity.Collection collection : entity.collections()) {
			if (collection.field().equals(field)) {
				this.jdbc.update(
						"DELETE FROM " + collection.table() + " WHERE " + collection.ownerColumn() + " IN (:ids)",
						Map.of("ids", ids));
				return;
			}
		}
		throw new IllegalArgumentException(entity + " has no audited collection " + field);
	}

	/**
	 * Records of {@code entity} whose collection {@code field} ever held {@code value}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Set<Long> everHeld(AuditedEntity entity, String field, Object value) {
		for (AuditedEntity.Collection collection : entity.collections()) {
			if (collection.field().equals(field)) {
				return Set.copyOf(
						this.jdbc.queryForList(
								"SELECT DISTINCT " + collection.ownerColumn() + " FROM " + collection.table()
										+ " WHERE " + collection.valueColumn() + " = :value",
								Map.of("value", value), Long.class));
			}
		}
		throw new IllegalArgumentException(entity + " has no audited collection " + field);
	}

	static String column(String name) {
		if (!COLUMN.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a column name: " + name);
		}
		return name;
	}

}
