package org.outreachcrm.outreach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeCounter;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.directory.MergeMove;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.directory.RecordsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the outreach rows of a merged directory record to the kept one, in the merging
 * transaction, and back on undo: an organization's interactions (with their people and
 * tags), follow-ups, stage history, campaign targets and activity; a person's places
 * among the people of interactions. The interactions and follow-ups of both organizations
 * take the kept organization's country snapshot, and the interaction counts follow. A row
 * the kept record already has (the same campaign, the same interaction) is folded: the
 * merged record's copy is deleted and kept in the ledger. Written with JDBC like the
 * other bulk paths: the merge's own revision and the ledger record the move, the rows'
 * histories do not.
 */
@Component
class OutreachMerging implements MergeCounter {

	/** What the ledger calls a changed country snapshot, and its table. */
	private static final String[][] COUNTRY_SNAPSHOTS = { { "INTERACTION_COUNTRY", "interaction" },
			{ "FOLLOW_UP_COUNTRY", "follow_up" } };

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final MergeLedger ledger;

	private final Organizations organizations;

	private final InteractionDayCounts counts;

	OutreachMerging(JdbcTemplate jdbc, MergeLedger ledger, Organizations organizations, InteractionDayCounts counts) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ledger = ledger;
		this.organizations = organizations;
		this.counts = counts;
	}

	@Override
	public Map<String, Long> counts(MergeKind kind, long mergedId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (kind == MergeKind.ORGANIZATION) {
			counts.put("merge.moves.interactions",
					count("SELECT COUNT(*) FROM interaction WHERE organization_id = ?", mergedId));
			counts.put("merge.moves.followUps",
					count("SELECT COUNT(*) FROM follow_up WHERE organization_id = ?", mergedId));
			counts.put("merge.moves.campaigns",
					count("SELECT COUNT(*) FROM campaign_target WHERE organization_id = ?", mergedId));
			counts.put("merge.moves.stageChanges",
					count("SELECT COUNT(*) FROM stage_change WHERE organization_id = ?", mergedId));
		}
		else {
			counts.put("merge.moves.interactions",
					count("SELECT COUNT(*) FROM interaction_contact WHERE contact_id = ?", mergedId));
		}
		return counts;
	}

	private long count(String sql, long id) {
		Long count = this.jdbc.queryForObject(sql, Long.class, id);
		return count == null ? 0 : count;
	}

	@EventListener
	void on(RecordsMerged event) {
		long kept = event.keptId();
		long merged = event.mergedId();
		if (event.kind() == MergeKind.CONTACT) {
			moveParticipants(event.mergeId(), kept, merged);
			return;
		}
		followKeptCountry(event.mergeId(), kept, merged);
		for (String[] table : new String[][] { { "INTERACTION", "interaction" }, { "FOLLOW_UP", "follow_up" },
				{ "STAGE_CHANGE", "stage_change" } }) {
			List<Long> ids = this.jdbc.queryForList("SELECT id FROM " + table[1] + " WHERE organization_id = ?",
					Long.class, merged);
			this.ledger.record(event.mergeId(), table[0], ids);
			this.jdbc.update("UPDATE " + table[1] + " SET organization_id = ? WHERE organization_id = ?", kept, merged);
		}
		List<MergeMove> moves = new ArrayList<>();
		for (Long campaign : this.jdbc.queryForList(
				"SELECT campaign_id FROM campaign_target WHERE organization_id = ? ORDER BY campaign_id", Long.class,
				merged)) {
			boolean folded = count(
					"SELECT COUNT(*) FROM campaign_target WHERE organization_id = " + kept + " AND campaign_id = ?",
					campaign) > 0;
			if (folded) {
				this.jdbc.update("DELETE FROM campaign_target WHERE campaign_id = ? AND organization_id = ?", campaign,
						merged);
			}
			else {
				this.jdbc.update(
						"UPDATE campaign_target SET organization_id = ? WHERE campaign_id = ? AND organization_id = ?",
						kept, campaign, merged);
			}
			moves.add(MergeMove.of(folded ? "CAMPAIGN_TARGET_FOLDED" : "CAMPAIGN_TARGET", campaign));
		}
		moveActivity(kept, merged, moves);
		this.ledger.record(event.mergeId(), moves);
	}

	/**
	 * The kept organization's activity row takes the earlier "known since" and the later
	 * last interaction of both; both rows are kept in the ledger as they were.
	 */
	private void moveActivity(long kept, long merged, List<MergeMove> moves) {
		for (long id : List.of(kept, merged)) {
			List<Map<String, Object>> rows = this.jdbc
				.queryForList("SELECT * FROM outreach_organization WHERE organization_id = ?", id);
			if (!rows.isEmpty()) {
				moves.add(new MergeMove("ACTIVITY", id, null,
						this.ledger.rowJson("outreach_organization", "organization_id", id)));
			}
		}
		// read first: MySQL refuses an update whose subquery reads the same table
		Map<String, Object> both = this.jdbc.queryForMap("""
				SELECT MIN(known_since) AS known_since, MAX(last_interaction_at) AS last_interaction_at
				FROM outreach_organization WHERE organization_id IN (?, ?)""", kept, merged);
		this.jdbc.update(
				"UPDATE outreach_organization SET known_since = COALESCE(?, known_since),"
						+ " last_interaction_at = ? WHERE organization_id = ?",
				value(both, "known_since"), value(both, "last_interaction_at"), kept);
		if (count("SELECT COUNT(*) FROM outreach_organization WHERE organization_id = ?", kept) == 0) {
			// the kept organization had no activity row yet: the merged one's becomes its
			this.jdbc.update("UPDATE outreach_organization SET organization_id = ? WHERE organization_id = ?", kept,
					merged);
			return;
		}
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id = ?", merged);
	}

	private static @Nullable Object value(Map<String, Object> row, String column) {
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(column)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * The interactions and follow-ups of both organizations take the kept one's country
	 * as the merge left it: the two records were one partner entered twice, and its
	 * country snapshot must say where that partner is, or a report by country would count
	 * the same partner's work under two countries (a merge corrects the records; it is
	 * not a move, after which history stays where it was). Each changed row's old country
	 * goes to the ledger, and the daily and monthly interaction counts move with the
	 * rows, so that an undo restores both exactly.
	 */
	private void followKeptCountry(long mergeId, long kept, long merged) {
		List<OrganizationFacts> facts = this.organizations.facts(List.of(kept));
		if (facts.isEmpty()) {
			return;
		}
		String country = facts.get(0).country();
		List<MergeMove> moves = new ArrayList<>();
		for (String[] table : COUNTRY_SNAPSHOTS) {
			List<Long> ids = new ArrayList<>();
			this.jdbc.query("SELECT id, country FROM " + table[1] + " WHERE organization_id IN (?, ?) ORDER BY id",
					(RowCallbackHandler) (rs) -> {
						String old = rs.getString(2);
						if (!Objects.equals(old, country)) {
							ids.add(rs.getLong(1));
							moves.add(new MergeMove(table[0], rs.getLong(1), null, old));
						}
					}, kept, merged);
			setCountry(table[1], ids, country, List.of(kept, merged));
		}
		this.ledger.record(mergeId, moves);
	}

	/**
	 * Gives the rows moved back their country from before the merge (while they are still
	 * with the kept organization; the move back that follows refuses the undo if some are
	 * not).
	 */
	private void restoreCountries(long mergeId, long kept) {
		for (String[] table : COUNTRY_SNAPSHOTS) {
			Map<@Nullable String, List<Long>> byCountry = new HashMap<>();
			for (MergeMove move : this.ledger.moves(mergeId, table[0])) {
				byCountry.computeIfAbsent(move.detail(), (k) -> new ArrayList<>()).add(move.rowId());
			}
			byCountry.forEach((country, ids) -> setCountry(table[1], ids, country, List.of(kept)));
		}
	}

	/**
	 * Sets the country of rows of {@code table} still with one of {@code organizations};
	 * the interaction counts follow.
	 */
	private void setCountry(String table, List<Long> ids, @Nullable String country, List<Long> organizations) {
		boolean counted = "interaction".equals(table);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = this.named.queryForList(
					"SELECT id FROM " + table + " WHERE id IN (:ids) AND organization_id IN (:organizations)",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 1000)), "organizations", organizations),
					Long.class);
			if (chunk.isEmpty()) {
				continue;
			}
			if (counted) {
				this.counts.uncountInteractions(chunk);
			}
			Map<String, Object> params = new HashMap<>();
			params.put("ids", chunk);
			params.put("country", country);
			this.named.update("UPDATE " + table + " SET country = :country WHERE id IN (:ids)", params);
			if (counted) {
				this.counts.countInteractions(chunk);
			}
		}
	}

	private void moveParticipants(long mergeId, long kept, long merged) {
		List<MergeMove> moves = new ArrayList<>();
		for (Long interaction : this.jdbc.queryForList(
				"SELECT interaction_id FROM interaction_contact WHERE contact_id = ? ORDER BY interaction_id",
				Long.class, merged)) {
			boolean folded = count(
					"SELECT COUNT(*) FROM interaction_contact WHERE contact_id = " + kept + " AND interaction_id = ?",
					interaction) > 0;
			if (folded) {
				this.jdbc.update("DELETE FROM interaction_contact WHERE interaction_id = ? AND contact_id = ?",
						interaction, merged);
			}
			else {
				this.jdbc.update(
						"UPDATE interaction_contact SET contact_id = ? WHERE interaction_id = ? AND contact_id = ?",
						kept, interaction, merged);
			}
			moves.add(MergeMove.of(folded ? "PARTICIPANT_FOLDED" : "PARTICIPANT", interaction));
		}
		this.ledger.record(mergeId, moves);
	}

	@EventListener
	void on(MergeUndone event) {
		long kept = event.keptId();
		long merged = event.restoredId();
		long id = event.mergeId();
		if (event.kind() == MergeKind.CONTACT) {
			this.ledger.moveBack("PARTICIPANT", this.ledger.movedIds(id, "PARTICIPANT"),
					"UPDATE interaction_contact SET contact_id = :merged WHERE interaction_id IN (:ids) AND contact_id = :kept",
					kept, merged);
			for (Long interaction : this.ledger.movedIds(id, "PARTICIPANT_FOLDED")) {
				if (count("SELECT COUNT(*) FROM interaction WHERE id = ?", interaction) == 0) {
					throw MergeLedger.gone("PARTICIPANT");
				}
				this.jdbc.update("INSERT INTO interaction_contact (interaction_id, contact_id) VALUES (?, ?)",
						interaction, merged);
			}
			return;
		}
		restoreCountries(id, kept);
		for (String[] table : new String[][] { { "INTERACTION", "interaction" }, { "FOLLOW_UP", "follow_up" },
				{ "STAGE_CHANGE", "stage_change" } }) {
			this.ledger.moveBack(table[0], this.ledger.movedIds(id, table[0]),
					"UPDATE " + table[1]
							+ " SET organization_id = :merged WHERE id IN (:ids) AND organization_id = :kept",
					kept, merged);
		}
		this.ledger.moveBack("CAMPAIGN_TARGET", this.ledger.movedIds(id, "CAMPAIGN_TARGET"),
				"UPDATE campaign_target SET organization_id = :merged WHERE campaign_id IN (:ids) AND organization_id = :kept",
				kept, merged);
		for (Long campaign : this.ledger.movedIds(id, "CAMPAIGN_TARGET_FOLDED")) {
			if (count("SELECT COUNT(*) FROM campaign WHERE id = ?", campaign) == 0) {
				throw MergeLedger.gone("CAMPAIGN_TARGET");
			}
			this.jdbc.update("INSERT INTO campaign_target (campaign_id, organization_id) VALUES (?, ?)", campaign,
					merged);
		}
		this.jdbc.update("DELETE FROM outreach_organization WHERE organization_id IN (?, ?)", kept, merged);
		for (MergeMove activity : this.ledger.moves(id, "ACTIVITY")) {
			this.ledger.insertRow("outreach_organization", Objects.requireNonNull(activity.detail()));
		}
	}

}
