package org.outreachcrm.directory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.ConflictException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of what each merge moved ({@code record_merge_move}), written by every
 * module that moves rows on {@link RecordsMerged} and read back by the same module on
 * {@link MergeUndone}, so that an undo moves exactly those rows back. Also keeps whole
 * rows as JSON for rows a merge deleted (a folded duplicate) and inserts them again.
 */
@Component
public class MergeLedger {

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> ROW = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json = JsonMapper.builder().build();

	MergeLedger(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** Records rows the merge moved (in one batch). */
	public void record(long mergeId, List<MergeMove> moves) {
		if (moves.isEmpty()) {
			return;
		}
		Integer last = this.jdbc.queryForObject("SELECT MAX(seq) FROM record_merge_move WHERE merge_id = ?",
				Integer.class, mergeId);
		int seq = last == null ? 0 : last;
		List<Object[]> rows = new ArrayList<>(moves.size());
		for (MergeMove move : moves) {
			rows.add(new Object[] { mergeId, ++seq, move.what(), move.rowId(), move.rowRef(), move.detail() });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO record_merge_move (merge_id, seq, what, row_id, row_ref, detail) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
	}

	/** Records rows of one kind that the merge moved. */
	public void record(long mergeId, String what, Collection<Long> rowIds) {
		record(mergeId, rowIds.stream().map((id) -> MergeMove.of(what, id)).toList());
	}

	/** The rows of one kind the merge moved, in the order they were recorded. */
	public List<MergeMove> moves(long mergeId, String what) {
		return this.jdbc.query(
				"SELECT what, row_id, row_ref, detail FROM record_merge_move WHERE merge_id = ? AND what = ? ORDER BY seq",
				(rs, n) -> new MergeMove(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
						rs.getString(4)),
				mergeId, what);
	}

	/** The ids of the rows of one kind the merge moved. */
	public List<Long> movedIds(long mergeId, String what) {
		return moves(mergeId, what).stream().map(MergeMove::rowId).toList();
	}

	/**
	 * Moves rows back with {@code sql} (named parameters {@code :ids}, {@code :kept} and
	 * {@code :merged}), refusing the undo when fewer than all of them were still where
	 * the merge left them: {@code what} names them in the message
	 * ({@code merge.undo.gone.<what>}).
	 */
	public void moveBack(String what, List<Long> ids, String sql, long keptId, long mergedId) {
		if (ids.isEmpty()) {
			return;
		}
		int changed = 0;
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			changed += this.named.update(sql, Map.of("ids", chunk, "kept", keptId, "merged", mergedId));
		}
		if (changed < ids.size()) {
			throw gone(what);
		}
	}

	/**
	 * The refusal of an undo because rows the merge moved were deleted or moved since.
	 */
	public static ConflictException gone(String what) {
		return new ConflictException("merge.undo.gone." + what,
				"Some rows (" + what.toLowerCase(Locale.ROOT) + ") that the merge moved were deleted or moved since");
	}

	/**
	 * One row as JSON (dates and times as ISO text), to keep in a move's detail or a
	 * snapshot; null when there is no such row.
	 */
	public @Nullable String rowJson(String table, String keyColumn, long key) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?", key);
		return rows.isEmpty() ? null : toJson(plain(rows.get(0)));
	}

	/** Inserts a row kept by {@link #rowJson} again, as it was. */
	public void insertRow(String table, String rowJson) {
		insert(table, fromJson(rowJson));
	}

	/** One value of a row kept by {@link #rowJson}. */
	public @Nullable Object rowValue(String rowJson, String column) {
		return fromJson(rowJson).get(column);
	}

	String toJson(Object value) {
		return this.json.writeValueAsString(value);
	}

	Map<String, @Nullable Object> fromJson(String text) {
		return this.json.readValue(text, ROW);
	}

	/** A row read with JDBC as plain JSON values, column names in lower case. */
	static Map<String, @Nullable Object> plain(Map<String, Object> row) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		row.forEach((column, value) -> {
			Object plain = value;
			if (value instanceof Timestamp time) {
				plain = time.toLocalDateTime().toString();
			}
			else if (value instanceof Date date) {
				plain = date.toLocalDate().toString();
			}
			else if (value instanceof LocalDateTime || value instanceof LocalDate) {
				plain = value.toString();
			}
			values.put(column.toLowerCase(Locale.ROOT), plain);
		});
		return values;
	}

	/**
	 * Inserts a row given as plain values: columns named {@code *_at} are times,
	 * {@code *_date} and {@code *_on} dates (the naming of every table a merge restores).
	 */
	void insert(String table, Map<String, @Nullable Object> values) {
		List<String> columns = new ArrayList<>();
		List<@Nullable Object> args = new ArrayList<>();
		values.forEach((column, value) -> {
			if (!column.matches("[a-z_]+")) {
				throw new IllegalArgumentException("Not a column: " + column);
			}
			columns.add(column);
			args.add(typed(column, value));
		});
		this.jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", columns.stream().map((c) -> "?").toList()) + ")", args.toArray());
	}

	private static @Nullable Object typed(String column, @Nullable Object value) {
		if (!(value instanceof String text)) {
			return value;
		}
		if (column.endsWith("_at")) {
			return Timestamp.valueOf(LocalDateTime.parse(text));
		}
		if (column.endsWith("_date") || column.endsWith("_on")) {
			return Date.valueOf(LocalDate.parse(text));
		}
		return value;
	}

	/**
	 * Where a merged record went: the record it was merged into, following later merges
	 * of that one; empty when the id was never merged away (or the merge was undone).
	 */
	public Optional<Long> mergedInto(MergeKind kind, long id) {
		Long current = null;
		long at = id;
		for (int hop = 0; hop < 50; hop++) {
			List<Long> into = this.jdbc.queryForList(
					"SELECT kept_id FROM record_merge WHERE kind = ? AND merged_id = ? AND undone_at IS NULL ORDER BY id DESC",
					Long.class, kind.name(), at);
			if (into.isEmpty()) {
				break;
			}
			current = into.get(0);
			at = current;
		}
		return Optional.ofNullable(current);
	}

}
