package org.outreachcrm.duplicates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Reason;
import org.outreachcrm.shared.BulkInsert;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes of the finder: blocking keys per record, and new pairs. A pair already stored in
 * any status (open, dismissed, merged) is never written again, so a dismissed pair never
 * comes back. Everything in batches, one query per chunk.
 */
@Component
class DuplicateStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final BulkInsert bulk;

	DuplicateStore(NamedParameterJdbcTemplate jdbc, BulkInsert bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/** Replaces the blocking keys of the given records. */
	void replaceKeys(MergeKind kind, Map<Long, Set<String>> keysByRecord) {
		if (keysByRecord.isEmpty()) {
			return;
		}
		this.jdbc.update("DELETE FROM duplicate_key WHERE kind = :kind AND record_id IN (:ids)",
				new MapSqlParameterSource("kind", kind.name()).addValue("ids", keysByRecord.keySet()));
		addKeys(kind, keysByRecord);
	}

	/**
	 * Adds blocking keys the records do not have yet (their text: stored as
	 * {@link BlockingKeys#hash}).
	 */
	void addKeys(MergeKind kind, Map<Long, Set<String>> keysByRecord) {
		addKeyHashes(kind, hashes(keysByRecord));
	}

	/**
	 * Adds key hashes the records do not have yet, sorted by record (the table's
	 * clustering: a scan's chunks, in id order, append to it); a scan's chunks go through
	 * the server's bulk path ({@code LOAD DATA LOCAL} on MySQL and MariaDB).
	 */
	void addKeyHashes(MergeKind kind, Map<Long, Set<Long>> hashesByRecord) {
		if (hashesByRecord.isEmpty()) {
			return;
		}
		List<long[]> pairs = new ArrayList<>();
		hashesByRecord.forEach((id, hashes) -> hashes.forEach((hash) -> pairs.add(new long[] { hash, id })));
		pairs.sort(Comparator.<long[]>comparingLong((row) -> row[1]).thenComparingLong((row) -> row[0]));
		List<Object[]> rows = new ArrayList<>(pairs.size());
		pairs.forEach((pair) -> rows.add(new Object[] { pair[0], pair[1] }));
		this.bulk.insert("duplicate_key", List.of("key_hash", "record_id"), Map.of("kind", "'" + kind.name() + "'"),
				rows);
	}

	/** The stored form of each record's keys. */
	static Map<Long, Set<Long>> hashes(Map<Long, Set<String>> keysByRecord) {
		Map<Long, Set<Long>> hashes = new HashMap<>();
		keysByRecord.forEach((id, keys) -> hashes.put(id, hashes(keys)));
		return hashes;
	}

	/** The stored form of one record's keys. */
	static Set<Long> hashes(Set<String> keys) {
		Set<Long> hashes = new HashSet<>();
		keys.forEach((key) -> hashes.add(BlockingKeys.hash(key)));
		return hashes;
	}

	/** Whether any record of a kind has blocking keys. */
	boolean hasKeys(MergeKind kind) {
		return !this.jdbc
			.queryForList("SELECT record_id FROM duplicate_key WHERE kind = :kind LIMIT 1",
					new MapSqlParameterSource("kind", kind.name()), Long.class)
			.isEmpty();
	}

	/**
	 * The stored keys of the records with ids in {@code (afterId, toId]}, through the
	 * clustered index (one range read per scan chunk).
	 */
	Map<Long, Set<Long>> keysBetween(MergeKind kind, long afterId, long toId) {
		Map<Long, Set<Long>> keys = new HashMap<>();
		this.jdbc.query("""
				SELECT record_id, key_hash FROM duplicate_key
				WHERE kind = :kind AND record_id > :after AND record_id <= :to""",
				new MapSqlParameterSource("kind", kind.name()).addValue("after", afterId).addValue("to", toId),
				(RowCallbackHandler) (rs) -> keys.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>())
					.add(rs.getLong(2)));
		return keys;
	}

	/** Removes these key hashes of these records (keys a record no longer has). */
	void removeKeys(MergeKind kind, Map<Long, Set<Long>> keysByRecord) {
		List<SqlParameterSource> rows = new ArrayList<>();
		keysByRecord.forEach((id, keys) -> keys.forEach((key) -> rows
			.add(new MapSqlParameterSource("kind", kind.name()).addValue("key", key).addValue("id", id))));
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(
					"DELETE FROM duplicate_key WHERE kind = :kind AND key_hash = :key AND record_id = :id",
					rows.toArray(SqlParameterSource[]::new));
		}
	}

	/** Removes the keys of records after the last one a scan saw (deleted since). */
	void removeKeysAfter(MergeKind kind, long lastId) {
		this.jdbc.update("DELETE FROM duplicate_key WHERE kind = :kind AND record_id > :last",
				new MapSqlParameterSource("kind", kind.name()).addValue("last", lastId));
	}

	/**
	 * The next {@code limit} blocks in key hash order after {@code afterHash}, keeping
	 * only blocks of 2 to {@code maxBlock} records: the database counts each block along
	 * its key index and returns the members of the blocks worth comparing, nothing else.
	 * The index is named: MariaDB otherwise reads every key of the kind along the primary
	 * key, then groups and sorts them, for every page (seen at full size).
	 */
	List<Block> blocksAfter(MergeKind kind, long afterHash, int maxBlock, int limit) {
		List<Block> blocks = new ArrayList<>();
		this.jdbc.query("""
				SELECT k.key_hash, k.record_id
				FROM (SELECT b.key_hash FROM duplicate_key b USE INDEX (ix_duplicate_key_hash)
				  WHERE b.kind = :kind AND b.key_hash > :after
				  GROUP BY b.key_hash HAVING COUNT(*) BETWEEN 2 AND :max ORDER BY b.key_hash LIMIT :limit) s
				JOIN duplicate_key k ON k.kind = :kind AND k.key_hash = s.key_hash
				ORDER BY k.key_hash, k.record_id""",
				new MapSqlParameterSource("kind", kind.name()).addValue("after", afterHash)
					.addValue("max", maxBlock)
					.addValue("limit", limit),
				(RowCallbackHandler) (rs) -> {
					long hash = rs.getLong(1);
					Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
					if (last == null || last.keyHash() != hash) {
						last = new Block(hash, new ArrayList<>());
						blocks.add(last);
					}
					last.recordIds().add(rs.getLong(2));
				});
		return blocks;
	}

	/** The records sharing one blocking key (its hash), in id order. */
	record Block(long keyHash, List<Long> recordIds) {
	}

	/**
	 * The members of each of {@code keys}' blocks, by key: one query per 1,000 keys along
	 * the key index (reading a block's members costs what counting them would).
	 */
	Map<String, List<Long>> blocks(MergeKind kind, Collection<String> keys) {
		Map<Long, String> byHash = new HashMap<>();
		keys.forEach((key) -> byHash.put(BlockingKeys.hash(key), key));
		List<Long> all = byHash.keySet().stream().sorted().toList();
		Map<String, List<Long>> blocks = new HashMap<>();
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> slice = all.subList(from, Math.min(all.size(), from + 1000));
			this.jdbc.query(
					"SELECT key_hash, record_id FROM duplicate_key WHERE kind = :kind AND key_hash IN (:hashes)",
					new MapSqlParameterSource("kind", kind.name()).addValue("hashes", slice),
					(RowCallbackHandler) (rs) -> blocks
						.computeIfAbsent(byHash.get(rs.getLong(1)), (k) -> new ArrayList<>())
						.add(rs.getLong(2)));
		}
		return blocks;
	}

	/**
	 * Ids of the records sharing a key with {@code recordId}, through keys held by at
	 * most {@code maxBlock} records.
	 */
	List<Long> sharingKeys(MergeKind kind, long recordId, int maxBlock) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT o.record_id FROM duplicate_key k
				JOIN duplicate_key o ON o.kind = k.kind AND o.key_hash = k.key_hash AND o.record_id <> k.record_id
				WHERE k.kind = :kind AND k.record_id = :id AND k.key_hash IN (
				  SELECT b.key_hash FROM duplicate_key b WHERE b.kind = :kind AND b.key_hash IN (
				    SELECT m.key_hash FROM duplicate_key m WHERE m.kind = :kind AND m.record_id = :id)
				  GROUP BY b.key_hash HAVING COUNT(*) <= :max)""",
				new MapSqlParameterSource("kind", kind.name()).addValue("id", recordId).addValue("max", maxBlock),
				Long.class);
	}

	/** Stores the pairs not stored yet; answers how many were new. */
	int addPairs(MergeKind kind, List<Match> matches, Instant now) {
		if (matches.isEmpty()) {
			return 0;
		}
		Set<String> known = known(kind, matches);
		List<Match> fresh = matches.stream()
			.filter((m) -> !known.contains(m.firstId() + "-" + m.secondId()))
			.collect(Collectors.toMap((m) -> m.firstId() + "-" + m.secondId(), (m) -> m, (a, b) -> a))
			.values()
			.stream()
			.toList();
		if (fresh.isEmpty()) {
			return 0;
		}
		String sql = """
				INSERT INTO duplicate_pair (kind, first_id, second_id, score, reasons, status, found_at)
				VALUES (:kind, :first, :second, :score, :reasons, 'OPEN', :now)""";
		try {
			this.jdbc.batchUpdate(sql,
					fresh.stream().map((m) -> params(kind, m, now)).toArray(SqlParameterSource[]::new));
			return fresh.size();
		}
		catch (DuplicateKeyException ex) {
			// a save stored one of them meanwhile: write them one by one
			int added = 0;
			for (Match match : fresh) {
				try {
					added += this.jdbc.update(sql, params(kind, match, now));
				}
				catch (DuplicateKeyException stored) {
					// stored by the other writer: nothing to add
				}
			}
			return added;
		}
	}

	private Set<String> known(MergeKind kind, List<Match> matches) {
		Set<Long> firsts = matches.stream().map(Match::firstId).collect(Collectors.toSet());
		Set<String> known = new HashSet<>();
		List<Long> all = new ArrayList<>(firsts);
		for (int start = 0; start < all.size(); start += 500) {
			Collection<Long> slice = all.subList(start, Math.min(all.size(), start + 500));
			this.jdbc.query("SELECT first_id, second_id FROM duplicate_pair WHERE kind = :kind AND first_id IN (:ids)",
					new MapSqlParameterSource("kind", kind.name()).addValue("ids", slice),
					(RowCallbackHandler) (rs) -> known.add(rs.getLong(1) + "-" + rs.getLong(2)));
		}
		return known;
	}

	private static MapSqlParameterSource params(MergeKind kind, Match match, Instant now) {
		return new MapSqlParameterSource("kind", kind.name()).addValue("first", match.firstId())
			.addValue("second", match.secondId())
			.addValue("score", BigDecimal.valueOf(match.score()).setScale(3, RoundingMode.HALF_UP))
			.addValue("reasons", match.reasons().stream().map(Reason::name).collect(Collectors.joining(",")))
			.addValue("now", utc(now));
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
