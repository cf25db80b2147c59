package org.outreachcrm.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.matching.BlockingKeys;
import org.outreachcrm.duplicates.matching.Candidate;
import org.outreachcrm.duplicates.matching.Match;
import org.outreachcrm.duplicates.matching.Profile;
import org.outreachcrm.duplicates.matching.DuplicateFinder;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check when a record is created or changed: refreshes its blocking keys, compares it
 * with the records sharing one, stores new pairs for the review queue, and answers the
 * visible ones for a warning ("possibly the same as ..."). Never refuses anything. Pairs
 * once dismissed or merged are not proposed again.
 */
@Service
public class DuplicateCheck {

	private final DirectoryCandidates candidates;

	private final DuplicateStore store;

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopeSql scopeSql;

	private final DuplicatesProperties properties;

	private final Clock clock;

	DuplicateCheck(DirectoryCandidates candidates, DuplicateStore store, NamedParameterJdbcTemplate jdbc,
			ScopeSql scopeSql, DuplicatesProperties properties, Clock clock) {
		this.candidates = candidates;
		this.store = store;
		this.jdbc = jdbc;
		this.scopeSql = scopeSql;
		this.properties = properties;
		this.clock = clock;
	}

	/** The possible duplicates of the record just saved, best first. */
	@Transactional
	public List<PossibleDuplicate> check(MergeKind kind, long id) {
		List<Candidate> found = this.candidates.byIds(kind, List.of(id));
		if (found.isEmpty()) {
			return List.of();
		}
		Profile profile = profile(kind, found.get(0));
		this.store.replaceKeys(kind, Map.of(id, BlockingKeys.of(profile)));
		List<Long> others = this.store.sharingKeys(kind, id, this.properties.maxBlock());
		Map<Long, Candidate> byId = new HashMap<>();
		List<Profile> profiles = new ArrayList<>();
		for (Candidate other : this.candidates.byIds(kind, others)) {
			byId.put(other.id(), other);
			profiles.add(profile(kind, other));
		}
		List<Match> matches = DuplicateFinder.against(profile, profiles);
		this.store.addPairs(kind, matches, this.clock.instant());
		Set<String> open = openPairs(kind, id);
		Set<Long> visible = visible(kind, byId.keySet());
		List<PossibleDuplicate> possible = new ArrayList<>();
		for (Match match : matches) {
			long other = (match.firstId() == id) ? match.secondId() : match.firstId();
			if (open.contains(match.firstId() + "-" + match.secondId()) && visible.contains(other)) {
				possible
					.add(new PossibleDuplicate(kind, other, byId.get(other).name(), match.score(), match.reasons()));
			}
		}
		return possible.stream().limit(this.properties.maxWarnings()).toList();
	}

	static Profile profile(MergeKind kind, Candidate candidate) {
		return (kind == MergeKind.ORGANIZATION) ? Profile.organization(candidate) : Profile.person(candidate);
	}

	private Set<String> openPairs(MergeKind kind, long id) {
		Set<String> open = new HashSet<>();
		this.jdbc.query("""
				SELECT first_id, second_id FROM duplicate_pair
				WHERE kind = :kind AND status = 'OPEN' AND (first_id = :id OR second_id = :id)""",
				new MapSqlParameterSource("kind", kind.name()).addValue("id", id),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> open
					.add(rs.getLong(1) + "-" + rs.getLong(2)));
		return open;
	}

	private Set<Long> visible(MergeKind kind, Set<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
		String sql = (kind == MergeKind.ORGANIZATION)
				? "SELECT o.id FROM organization o WHERE o.id IN (:ids)" + this.scopeSql.organizations("o", params)
				: "SELECT c.id FROM contact c WHERE c.id IN (:ids)" + this.scopeSql.contacts("c", params);
		return new HashSet<>(this.jdbc.queryForList(sql, params, Long.class));
	}

}
