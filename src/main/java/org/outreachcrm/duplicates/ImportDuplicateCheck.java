package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check after an import, for the records it created or changed: the same check as on
 * save, set-based. Per chunk of records (one transaction each): their keys are written in
 * one batch, the sizes of their blocks and the records sharing the small ones are read
 * with two queries, the chunk's records and their candidates are loaded with one query
 * each and scored, and the new pairs are stored. Each pair found is linked to the import,
 * whose page lists them; pairs once dismissed are not proposed again.
 */
@Service
public class ImportDuplicateCheck {

	private static final Logger log = LoggerFactory.getLogger(ImportDuplicateCheck.class);

	private static final int IN_LIST = 1000;

	/** Large blocks remembered during one check, at most. */
	private static final int LARGE_BLOCKS_REMEMBERED = 200_000;

	private final DirectoryCandidates candidates;

	private final DuplicateStore store;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final DuplicatesProperties properties;

	private final Clock clock;

	ImportDuplicateCheck(DirectoryCandidates candidates, DuplicateStore store, NamedParameterJdbcTemplate jdbc,
			TransactionTemplate transactions, DuplicatesProperties properties, Clock clock) {
		this.candidates = candidates;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Checks the records an import created or changed and links the open pairs found to
	 * the import. Each chunk's transaction first asks {@code gate} whether the check is
	 * still wanted (an undo of the run cancels it), so a chunk never runs after a
	 * cancellation has committed. Safe to run again after an interruption: keys are
	 * replaced, known pairs and links are not written twice.
	 * @return how many pairs are linked to the import (both kinds), or empty when the
	 * gate stopped the check
	 */
	public OptionalInt afterImport(long importId, Map<MergeKind, ? extends Collection<Long>> touched, Gate gate) {
		Set<Long> linked = new HashSet<>(
				this.jdbc.queryForList("SELECT pair_id FROM duplicate_pair_import WHERE import_id = :importId",
						new MapSqlParameterSource("importId", importId), Long.class));
		long[] split = new long[Phase.values().length];
		for (Map.Entry<MergeKind, ? extends Collection<Long>> entry : touched.entrySet()) {
			List<Long> ids = new ArrayList<>(new LinkedHashSet<>(entry.getValue()));
			Set<String> large = new HashSet<>();
			int chunk = this.properties.chunkSize();
			for (int from = 0; from < ids.size(); from += chunk) {
				List<Long> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
				Boolean done = this.transactions.execute((status) -> {
					if (!gate.stillWanted()) {
						return false;
					}
					check(importId, entry.getKey(), slice, linked, large, split);
					return true;
				});
				if (!Boolean.TRUE.equals(done)) {
					return OptionalInt.empty();
				}
			}
		}
		if (log.isInfoEnabled()) {
			StringBuilder line = new StringBuilder();
			for (Phase phase : Phase.values()) {
				line.append((line.isEmpty()) ? "" : ", ")
					.append(phase.label)
					.append(' ')
					.append(split[phase.ordinal()] / 1_000_000)
					.append(" ms");
			}
			log.info("Import {}: duplicate check split: {}", importId, line);
		}
		return OptionalInt.of(linked.size());
	}

	/** The parts of the check, timed for its log line. */
	private enum Phase {

		RECORDS("records read and folded"), KEYS("keys written"), BLOCKS("blocks read"), SCORING("candidates scored"),
		PAIRS("pairs stored and linked");

		private final String label;

		Phase(String label) {
			this.label = label;
		}

	}

	/**
	 * Asked at the start of each chunk's transaction whether the check goes on; may lock
	 * what a cancellation writes, so that the two never overlap.
	 */
	@FunctionalInterface
	public interface Gate {

		boolean stillWanted();

	}

	/**
	 * Forgets what the finder holds of records that are gone (an import undone): their
	 * keys, and their pairs in every status, so that no pair points at a removed record.
	 */
	public void forgetRemoved(MergeKind kind, Collection<Long> ids) {
		List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
		String table = (kind == MergeKind.ORGANIZATION) ? "organization" : "contact";
		for (int from = 0; from < all.size(); from += IN_LIST) {
			List<Long> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
			Set<Long> gone = new HashSet<>(slice);
			gone.removeAll(this.jdbc.queryForList("SELECT id FROM " + table + " WHERE id IN (:ids)",
					new MapSqlParameterSource("ids", slice), Long.class));
			if (gone.isEmpty()) {
				continue;
			}
			this.transactions.executeWithoutResult((status) -> {
				MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name()).addValue("ids", gone);
				this.jdbc.update("DELETE FROM duplicate_key WHERE kind = :kind AND record_id IN (:ids)", params);
				this.jdbc.update("""
						DELETE FROM duplicate_pair_import WHERE pair_id IN (SELECT p.id FROM duplicate_pair p
						  WHERE p.kind = :kind AND (p.first_id IN (:ids) OR p.second_id IN (:ids)))""", params);
				this.jdbc.update(
						"DELETE FROM duplicate_pair WHERE kind = :kind AND (first_id IN (:ids) OR second_id IN (:ids))",
						params);
			});
		}
	}

	private void check(long importId, MergeKind kind, List<Long> ids, Set<Long> linked, Set<String> large,
			long[] split) {
		long start = System.nanoTime();
		Map<Long, Profile> profiles = profiles(kind, this.candidates.byIds(kind, ids));
		Map<Long, Set<String>> keys = new HashMap<>();
		profiles.forEach((id, profile) -> keys.put(id, BlockingKeys.of(profile)));
		start = lap(split, Phase.RECORDS, start);
		this.store.replaceKeys(kind, keys);
		start = lap(split, Phase.KEYS, start);
		Map<String, List<Long>> blocks = smallBlocks(kind, keys, large);
		start = lap(split, Phase.BLOCKS, start);
		// each pair once, scored from the side of the chunk's record
		Map<Long, List<Long>> othersOf = new HashMap<>();
		Set<String> seen = new HashSet<>();
		Set<Long> missing = new HashSet<>();
		keys.forEach((id, recordKeys) -> {
			for (String key : recordKeys) {
				for (long other : blocks.getOrDefault(key, List.of())) {
					if (other != id && seen.add(Math.min(id, other) + "-" + Math.max(id, other))) {
						othersOf.computeIfAbsent(id, (k) -> new ArrayList<>()).add(other);
						if (!profiles.containsKey(other)) {
							missing.add(other);
						}
					}
				}
			}
		});
		profiles.putAll(profiles(kind, this.candidates.byIds(kind, missing)));
		List<Match> matches = othersOf.entrySet()
			.parallelStream()
			.flatMap((entry) -> DuplicateFinder
				.against(profiles.get(entry.getKey()),
						entry.getValue().stream().map(profiles::get).filter(Objects::nonNull).toList())
				.stream())
			.toList();
		start = lap(split, Phase.SCORING, start);
		this.store.addPairs(kind, matches, this.clock.instant());
		link(importId, kind, matches, linked);
		lap(split, Phase.PAIRS, start);
	}

	private static long lap(long[] split, Phase phase, long start) {
		long now = System.nanoTime();
		split[phase.ordinal()] += now - start;
		return now;
	}

	/**
	 * The profiles of {@code candidates}, folded on every core (transliteration is the
	 * slow part of the check).
	 */
	private static Map<Long, Profile> profiles(MergeKind kind, List<Candidate> candidates) {
		return candidates.parallelStream()
			.map((candidate) -> DuplicateCheck.profile(kind, candidate))
			.collect(Collectors.toMap(Profile::id, Function.identity(), (a, b) -> a, HashMap::new));
	}

	/**
	 * The records of each of {@code keys}' blocks that hold two to {@code maxBlock}
	 * records: one query reads the members of every block (along the key's index, as
	 * counting them would), the sizes are counted here. A block found larger than
	 * {@code maxBlock} is remembered in {@code large} and not counted again for the rest
	 * of the check (blocks only grow while an import's records are checked): the common
	 * keys of a list (a frequent given name in a country) are read once, not once per
	 * chunk.
	 */
	private Map<String, List<Long>> smallBlocks(MergeKind kind, Map<Long, Set<String>> keys, Set<String> large) {
		List<String> wanted = keys.values()
			.stream()
			.flatMap(Set::stream)
			.distinct()
			.filter((key) -> !large.contains(key))
			.toList();
		Map<String, List<Long>> blocks = this.store.blocks(kind, wanted);
		blocks.entrySet().removeIf((block) -> {
			int size = block.getValue().size();
			if (size > this.properties.maxBlock() && large.size() < LARGE_BLOCKS_REMEMBERED) {
				large.add(block.getKey());
			}
			return size < 2 || size > this.properties.maxBlock();
		});
		return blocks;
	}

	/** Links the open pairs among {@code matches} to the import, each once. */
	private void link(long importId, MergeKind kind, List<Match> matches, Set<Long> linked) {
		if (matches.isEmpty()) {
			return;
		}
		Set<String> wanted = new HashSet<>();
		Set<Long> firsts = new HashSet<>();
		for (Match match : matches) {
			wanted.add(match.firstId() + "-" + match.secondId());
			firsts.add(match.firstId());
		}
		List<Long> fresh = new ArrayList<>();
		List<Long> all = new ArrayList<>(firsts);
		for (int from = 0; from < all.size(); from += IN_LIST) {
			this.jdbc.query("""
					SELECT id, first_id, second_id FROM duplicate_pair
					WHERE kind = :kind AND status = 'OPEN' AND first_id IN (:firsts)""",
					new MapSqlParameterSource("kind", kind.name()).addValue("firsts",
							all.subList(from, Math.min(all.size(), from + IN_LIST))),
					(RowCallbackHandler) (rs) -> {
						long id = rs.getLong(1);
						if (wanted.contains(rs.getLong(2) + "-" + rs.getLong(3)) && linked.add(id)) {
							fresh.add(id);
						}
					});
		}
		this.jdbc.batchUpdate("INSERT INTO duplicate_pair_import (import_id, pair_id) VALUES (:importId, :pairId)",
				fresh.stream()
					.map((id) -> new MapSqlParameterSource("importId", importId).addValue("pairId", id))
					.toArray(SqlParameterSource[]::new));
	}

}
