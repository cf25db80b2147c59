package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;

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

	private static final int IN_LIST = 1000;

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
	 * the import; answers how many pairs it found (both kinds).
	 */
	public int afterImport(long importId, Map<MergeKind, ? extends Collection<Long>> touched) {
		Set<Long> linked = new HashSet<>();
		for (Map.Entry<MergeKind, ? extends Collection<Long>> entry : touched.entrySet()) {
			List<Long> ids = new ArrayList<>(new LinkedHashSet<>(entry.getValue()));
			int chunk = this.properties.chunkSize();
			for (int from = 0; from < ids.size(); from += chunk) {
				List<Long> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
				this.transactions.executeWithoutResult((status) -> check(importId, entry.getKey(), slice, linked));
			}
		}
		return linked.size();
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

	private void check(long importId, MergeKind kind, List<Long> ids, Set<Long> linked) {
		Map<Long, Profile> profiles = new HashMap<>();
		Map<Long, Set<String>> keys = new HashMap<>();
		for (Candidate candidate : this.candidates.byIds(kind, ids)) {
			Profile profile = DuplicateCheck.profile(kind, candidate);
			profiles.put(candidate.id(), profile);
			keys.put(candidate.id(), BlockingKeys.of(profile));
		}
		this.store.replaceKeys(kind, keys);
		Map<String, List<Long>> blocks = smallBlocks(kind, keys);
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
		for (Candidate candidate : this.candidates.byIds(kind, missing)) {
			profiles.put(candidate.id(), DuplicateCheck.profile(kind, candidate));
		}
		List<Match> matches = new ArrayList<>();
		othersOf.forEach((id, others) -> matches.addAll(DuplicateFinder.against(profiles.get(id),
				others.stream().map(profiles::get).filter(java.util.Objects::nonNull).toList())));
		this.store.addPairs(kind, matches, this.clock.instant());
		link(importId, kind, matches, linked);
	}

	/**
	 * The records of each of {@code keys}' blocks that hold two to {@code maxBlock}
	 * records: one query for the sizes, one for the members.
	 */
	private Map<String, List<Long>> smallBlocks(MergeKind kind, Map<Long, Set<String>> keys) {
		return this.store.smallBlocks(kind, keys.values().stream().flatMap(Set::stream).distinct().toList(),
				this.properties.maxBlock());
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
