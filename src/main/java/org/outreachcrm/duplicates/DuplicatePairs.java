package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.RecordsMerged;
import org.outreachcrm.duplicates.matching.Reason;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: open pairs best first, within the caller's country scope (both
 * records must be visible), "not a duplicate" decisions, and the pairs a merge closes.
 */
@Service
public class DuplicatePairs {

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scopeSql;

	private final Clock clock;

	private final DirectoryCandidates candidates;

	DuplicatePairs(NamedParameterJdbcTemplate jdbc, ScopeSql scopeSql, Clock clock, DirectoryCandidates candidates) {
		this.jdbc = jdbc;
		this.scopeSql = scopeSql;
		this.clock = clock;
		this.candidates = candidates;
	}

	/** Open pairs best first with both records, for the review page. */
	@Transactional(readOnly = true)
	public Page<ReviewPair> review(MergeKind kind, Pageable pageable) {
		return review(kind, null, pageable);
	}

	/**
	 * Open pairs best first with both records, for the review page; with
	 * {@code importId}, only the pairs that import found.
	 */
	@Transactional(readOnly = true)
	public Page<ReviewPair> review(MergeKind kind, @Nullable Long importId, Pageable pageable) {
		Page<DuplicatePair> page = open(kind, 0, importId, pageable);
		return page.map(sides(kind, page.getContent()));
	}

	/**
	 * The open pairs an import found, both kinds, best first: how many there are and the
	 * first {@code limit} with both records (for the import's page).
	 */
	@Transactional(readOnly = true)
	public ImportPairs ofImport(long importId, int limit) {
		Map<MergeKind, Long> open = new EnumMap<>(MergeKind.class);
		List<ReviewPair> shown = new ArrayList<>();
		for (MergeKind kind : MergeKind.values()) {
			Page<DuplicatePair> page = open(kind, 0, importId, PageRequest.of(0, limit));
			open.put(kind, page.getTotalElements());
			shown.addAll(page.map(sides(kind, page.getContent())).getContent());
		}
		shown.sort(Comparator.comparingDouble((ReviewPair r) -> -r.pair().score()).thenComparing((r) -> r.pair().id()));
		return new ImportPairs(open, shown.stream().limit(limit).toList());
	}

	private java.util.function.Function<DuplicatePair, ReviewPair> sides(MergeKind kind, List<DuplicatePair> pairs) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		pairs.forEach((pair) -> {
			ids.add(pair.firstId());
			ids.add(pair.secondId());
		});
		java.util.Map<Long, ReviewPair.Side> sides = new java.util.HashMap<>();
		for (org.outreachcrm.duplicates.matching.Candidate c : this.candidates.byIds(kind, ids)) {
			sides.put(c.id(), new ReviewPair.Side(c.id(), c.name(), c.country(), c.city(), c.website(),
					c.emails().isEmpty() ? null : c.emails().get(0), c.phones().isEmpty() ? null : c.phones().get(0)));
		}
		return (pair) -> new ReviewPair(pair, sides.get(pair.firstId()), sides.get(pair.secondId()));
	}

	/** Open pairs of a kind scoring at least {@code minScore}, best first. */
	@Transactional(readOnly = true)
	public Page<DuplicatePair> open(MergeKind kind, double minScore, Pageable pageable) {
		return open(kind, minScore, null, pageable);
	}

	/**
	 * Open pairs of a kind scoring at least {@code minScore}, best first; with
	 * {@code importId}, only those that import found.
	 */
	@Transactional(readOnly = true)
	public Page<DuplicatePair> open(MergeKind kind, double minScore, @Nullable Long importId, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name()).addValue("min", minScore);
		String from = from(kind, params) + " AND p.status = 'OPEN' AND p.score >= :min";
		if (importId != null) {
			from += " AND p.id IN (SELECT l.pair_id FROM duplicate_pair_import l WHERE l.import_id = :importId)";
			params.addValue("importId", importId);
		}
		long total = this.jdbc.queryForObject("SELECT COUNT(*) " + from, params, Long.class);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<DuplicatePair> content = this.jdbc.query(
				"SELECT p.id, p.kind, p.first_id, p.second_id, p.score, p.reasons " + from
						+ " ORDER BY p.score DESC, p.id LIMIT :limit OFFSET :offset",
				params,
				(rs, n) -> new DuplicatePair(rs.getLong("id"), MergeKind.valueOf(rs.getString("kind")),
						rs.getLong("first_id"), rs.getLong("second_id"), rs.getDouble("score"),
						reasons(rs.getString("reasons"))));
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * Marks a pair "not a duplicate": it leaves the queue and is never proposed again.
	 * Marking it twice changes nothing; a pair outside the caller's scope is not found.
	 */
	@Transactional
	public void dismiss(long id, String decidedBy) {
		MergeKind kind = visibleKind(id).orElseThrow(() -> new NotFoundException("Duplicate pair", id));
		this.jdbc.update("""
				UPDATE duplicate_pair SET status = 'DISMISSED', decided_by = :by, decided_at = :now
				WHERE id = :id AND kind = :kind AND status = 'OPEN'""",
				new MapSqlParameterSource("id", id).addValue("kind", kind.name())
					.addValue("by", decidedBy)
					.addValue("now", DuplicateStore.utc(this.clock.instant())));
	}

	/**
	 * A merge closes every open pair of the merged record, in the merging transaction:
	 * the record no longer appears, so its pairs have nothing left to review.
	 */
	@EventListener
	void merged(RecordsMerged merged) {
		this.jdbc.update("""
				UPDATE duplicate_pair SET status = 'MERGED', decided_at = :now
				WHERE kind = :kind AND status = 'OPEN' AND (first_id = :id OR second_id = :id)""",
				new MapSqlParameterSource("kind", merged.kind().name()).addValue("id", merged.mergedId())
					.addValue("now", DuplicateStore.utc(this.clock.instant())));
	}

	/**
	 * An undone merge restores the record: the pair of the two records opens again, so it
	 * can be judged once more.
	 */
	@EventListener
	void undone(MergeUndone undone) {
		long first = Math.min(undone.keptId(), undone.restoredId());
		long second = Math.max(undone.keptId(), undone.restoredId());
		this.jdbc.update("""
				UPDATE duplicate_pair SET status = 'OPEN', decided_at = NULL, decided_by = NULL
				WHERE kind = :kind AND status = 'MERGED' AND first_id = :first AND second_id = :second""",
				new MapSqlParameterSource("kind", undone.kind().name()).addValue("first", first)
					.addValue("second", second));
	}

	private Optional<MergeKind> visibleKind(long id) {
		for (MergeKind kind : MergeKind.values()) {
			MapSqlParameterSource params = new MapSqlParameterSource("kind", kind.name()).addValue("id", id);
			List<Long> found = this.jdbc.queryForList("SELECT p.id " + from(kind, params) + " AND p.id = :id", params,
					Long.class);
			if (!found.isEmpty()) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/** Pairs of a kind whose two records exist and are both in the caller's scope. */
	private String from(MergeKind kind, MapSqlParameterSource params) {
		if (kind == MergeKind.ORGANIZATION) {
			return "FROM duplicate_pair p JOIN organization a ON a.id = p.first_id JOIN organization b ON b.id = p.second_id"
					+ " WHERE p.kind = :kind" + this.scopeSql.organizations("a", params)
					+ this.scopeSql.organizations("b", params);
		}
		return "FROM duplicate_pair p JOIN contact a ON a.id = p.first_id JOIN contact b ON b.id = p.second_id"
				+ " WHERE p.kind = :kind" + this.scopeSql.contacts("a", params) + this.scopeSql.contacts("b", params);
	}

	static List<Reason> reasons(String stored) {
		return Arrays.stream(stored.split(",")).filter((r) -> !r.isBlank()).map(Reason::valueOf).toList();
	}

}
