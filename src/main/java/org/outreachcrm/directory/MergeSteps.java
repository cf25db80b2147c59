package org.outreachcrm.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The steps a merge of either kind shares, and their undo: the checks of a request, the
 * merge's row in {@code record_merge}, the moves of affiliations (a person's or an
 * organization's), and reading the snapshots back. Runs in {@link RecordMerging}'s
 * transaction.
 */
@Component
class MergeSteps {

	static final String AFFILIATION = "AFFILIATION";

	static final String AFFILIATION_FOLDED = "AFFILIATION_FOLDED";

	private final MergeLedger ledger;

	private final SearchIndex index;

	private final CurrentScope scope;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	MergeSteps(MergeLedger ledger, SearchIndex index, CurrentScope scope, JdbcTemplate jdbc,
			EntityManager entityManager, Clock clock) {
		this.ledger = ledger;
		this.index = index;
		this.scope = scope;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Reads the records anew, so that the country-scope filter decides what the caller
	 * sees (an entity already in the persistence context would skip it).
	 */
	void freshReads() {
		this.entityManager.flush();
		this.entityManager.clear();
	}

	void check(long keptId, MergeRequest request, List<String> allowed) {
		if (request.mergeId() == keptId) {
			throw new BusinessRuleException("merge.self", "A record cannot be merged into itself");
		}
		if (request.fields() != null) {
			for (String field : request.fields().keySet()) {
				if (!allowed.contains(field)) {
					throw new BusinessRuleException("merge.field.unknown",
							"Unknown field " + field + "; allowed: " + String.join(", ", allowed), field,
							String.join(", ", allowed));
				}
			}
		}
	}

	/** Merging across countries needs both countries in scope. */
	void checkCountries(@Nullable String kept, @Nullable String merged) {
		CountryScope current = this.scope.get();
		if (current.all() || Objects.equals(kept, merged)) {
			return;
		}
		for (String country : Arrays.asList(kept, merged)) {
			if (!current.includes(country)) {
				throw new org.outreachcrm.shared.OutOfScopeException("merge.scope.country",
						"Merging records of different countries needs both countries in your scope",
						country == null ? "-" : country);
			}
		}
	}

	static Map<String, MergeChoice> fields(MergeRequest request) {
		return request.fields() == null ? Map.of() : request.fields();
	}

	static <T> T pick(Map<String, MergeChoice> fields, String field, T kept, T merged) {
		return fields.get(field) == MergeChoice.MERGED ? merged : kept;
	}

	static List<String> union(List<String> kept, List<String> merged) {
		Set<String> all = new LinkedHashSet<>(kept);
		all.addAll(merged);
		return new ArrayList<>(all);
	}

	long start(MergeKind kind, long keptId, long mergedId, String mergedName, String keptSnapshot,
			String mergedSnapshot) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("""
					INSERT INTO record_merge (kind, kept_id, merged_id, merged_name, kept_snapshot, merged_snapshot,
					  kept_version, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""", new String[] { "id" });
			statement.setString(1, kind.name());
			statement.setLong(2, keptId);
			statement.setLong(3, mergedId);
			statement.setString(4, mergedName.length() > 300 ? mergedName.substring(0, 300) : mergedName);
			statement.setString(5, keptSnapshot);
			statement.setString(6, mergedSnapshot);
			statement.setString(7, username());
			statement.setTimestamp(8, Timestamp.from(this.clock.instant()));
			return statement;
		}, key);
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	void finish(long mergeId, long keptVersion) {
		this.jdbc.update("UPDATE record_merge SET kept_version = ? WHERE id = ?", keptVersion, mergeId);
	}

	static String username() {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		return login == null ? "system" : login.getName();
	}

	/**
	 * Moves the merged record's affiliations with JDBC (below the persistence context,
	 * which the caller clears): one that would be a second current link between the same
	 * person and organization is folded into the existing one (deleted, its row kept in
	 * the ledger); a moved primary link of a person who has one stops being primary.
	 */
	void moveAffiliations(long mergeId, MergeKind kind, long keptId, long mergedId) {
		String column = kind == MergeKind.ORGANIZATION ? "organization_id" : "contact_id";
		String other = kind == MergeKind.ORGANIZATION ? "contact_id" : "organization_id";
		LocalDate today = LocalDate.now(this.clock);
		List<Map<String, Object>> keptLinks = this.jdbc.queryForList("SELECT id, " + other
				+ " AS other, primary_affiliation, end_date FROM affiliation WHERE " + column + " = ?", keptId);
		boolean keptHasPrimary = kind == MergeKind.CONTACT
				&& keptLinks.stream().anyMatch((row) -> Boolean.TRUE.equals(row.get("primary_affiliation")));
		List<MergeMove> moves = new ArrayList<>();
		for (Map<String, Object> link : this.jdbc.queryForList("SELECT id, " + other
				+ " AS other, primary_affiliation, end_date FROM affiliation WHERE " + column + " = ? ORDER BY id",
				mergedId)) {
			long id = ((Number) link.get("id")).longValue();
			long otherId = ((Number) link.get("other")).longValue();
			boolean duplicate = current(link, today) && keptLinks.stream()
				.anyMatch((k) -> ((Number) k.get("other")).longValue() == otherId && current(k, today));
			if (duplicate) {
				moves.add(new MergeMove(AFFILIATION_FOLDED, id, null, this.ledger.rowJson("affiliation", "id", id)));
				this.jdbc.update("DELETE FROM affiliation WHERE id = ?", id);
				continue;
			}
			boolean clearPrimary = keptHasPrimary && Boolean.TRUE.equals(link.get("primary_affiliation"));
			this.jdbc.update("UPDATE affiliation SET " + column + " = ?"
					+ (clearPrimary ? ", primary_affiliation = FALSE" : "") + " WHERE id = ?", keptId, id);
			moves.add(new MergeMove(AFFILIATION, id, null, clearPrimary ? "primary" : null));
		}
		this.ledger.record(mergeId, moves);
		if (kind == MergeKind.ORGANIZATION) {
			this.index.reindexContacts(this.jdbc.queryForList(
					"SELECT DISTINCT contact_id FROM affiliation WHERE organization_id = ?", Long.class, keptId));
		}
	}

	private static boolean current(Map<String, Object> link, LocalDate today) {
		Object end = link.get("end_date");
		LocalDate ends = end instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) end;
		return ends == null || !ends.isBefore(today);
	}

	void moveAffiliationsBack(RecordMerging.Merge merge) {
		String column = merge.kind() == MergeKind.ORGANIZATION ? "organization_id" : "contact_id";
		List<MergeMove> moved = this.ledger.moves(merge.id(), AFFILIATION);
		this.ledger.moveBack(AFFILIATION, moved.stream().map(MergeMove::rowId).toList(),
				"UPDATE affiliation SET " + column + " = :merged WHERE id IN (:ids) AND " + column + " = :kept",
				merge.keptId(), merge.mergedId());
		for (MergeMove move : moved) {
			if ("primary".equals(move.detail())) {
				this.jdbc.update("UPDATE affiliation SET primary_affiliation = TRUE WHERE id = ?", move.rowId());
			}
		}
		for (MergeMove folded : this.ledger.moves(merge.id(), AFFILIATION_FOLDED)) {
			this.ledger.insertRow("affiliation", Objects.requireNonNull(folded.detail()));
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, @Nullable Object> snapshotRow(String snapshot) {
		return (Map<String, @Nullable Object>) Objects.requireNonNull(this.ledger.fromJson(snapshot).get("row"));
	}

	@SuppressWarnings("unchecked")
	List<String> snapshotList(String snapshot, String name) {
		Object list = this.ledger.fromJson(snapshot).get(name);
		return list == null ? List.of() : (List<String>) list;
	}

	static @Nullable String text(Map<String, @Nullable Object> row, String column) {
		Object value = row.get(column);
		return value == null ? null : value.toString();
	}

}
