package org.outreachcrm.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.outreachcrm.directory.MergeCounter;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.MergeLedger;
import org.outreachcrm.directory.MergeMove;
import org.outreachcrm.directory.MergeUndone;
import org.outreachcrm.directory.RecordsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the invitations (with their answers and attendance) of a merged person or
 * organization to the kept one, and an organization's attendance interactions per
 * meeting, in the merging transaction; back on undo. A person invited to the same meeting
 * twice keeps the kept record's invitation, which takes "attended" from the merged one;
 * the merged one's invitation is deleted and kept in the ledger.
 */
@Component
class MeetingMerging implements MergeCounter {

	private final JdbcTemplate jdbc;

	private final MergeLedger ledger;

	MeetingMerging(JdbcTemplate jdbc, MergeLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	@Override
	public Map<String, Long> counts(MergeKind kind, long mergedId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		String column = kind == MergeKind.ORGANIZATION ? "organization_id" : "contact_id";
		counts.put("merge.moves.invitations",
				count("SELECT COUNT(*) FROM invitation WHERE " + column + " = ?", mergedId));
		return counts;
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return count == null ? 0 : count;
	}

	@EventListener
	void on(RecordsMerged event) {
		long kept = event.keptId();
		long merged = event.mergedId();
		List<MergeMove> moves = new ArrayList<>();
		if (event.kind() == MergeKind.ORGANIZATION) {
			for (Long id : this.jdbc.queryForList("SELECT id FROM invitation WHERE organization_id = ? ORDER BY id",
					Long.class, merged)) {
				moves.add(MergeMove.of("INVITATION", id));
			}
			this.jdbc.update("UPDATE invitation SET organization_id = ? WHERE organization_id = ?", kept, merged);
			for (Map<String, Object> row : this.jdbc.queryForList(
					"SELECT meeting_id, interaction_id FROM meeting_interaction WHERE organization_id = ?", merged)) {
				long meeting = ((Number) row.values().toArray()[0]).longValue();
				long interaction = ((Number) row.values().toArray()[1]).longValue();
				boolean folded = count(
						"SELECT COUNT(*) FROM meeting_interaction WHERE meeting_id = ? AND organization_id = ?",
						meeting, kept) > 0;
				if (folded) {
					this.jdbc.update("DELETE FROM meeting_interaction WHERE meeting_id = ? AND organization_id = ?",
							meeting, merged);
				}
				else {
					this.jdbc.update(
							"UPDATE meeting_interaction SET organization_id = ? WHERE meeting_id = ? AND organization_id = ?",
							kept, meeting, merged);
				}
				moves.add(new MergeMove(folded ? "MEETING_INTERACTION_FOLDED" : "MEETING_INTERACTION", meeting,
						interaction, null));
			}
			this.ledger.record(event.mergeId(), moves);
			return;
		}
		for (Map<String, Object> row : this.jdbc
			.queryForList("SELECT id, meeting_id, status FROM invitation WHERE contact_id = ? ORDER BY id", merged)) {
			Object[] values = row.values().toArray();
			long id = ((Number) values[0]).longValue();
			long meeting = ((Number) values[1]).longValue();
			List<Map<String, Object>> existing = this.jdbc.queryForList(
					"SELECT id, status FROM invitation WHERE meeting_id = ? AND contact_id = ?", meeting, kept);
			if (existing.isEmpty()) {
				this.jdbc.update("UPDATE invitation SET contact_id = ? WHERE id = ?", kept, id);
				moves.add(MergeMove.of("INVITATION", id));
				continue;
			}
			Object[] keptValues = existing.get(0).values().toArray();
			long keptInvitation = ((Number) keptValues[0]).longValue();
			moves.add(new MergeMove("INVITATION_FOLDED", id, null, this.ledger.rowJson("invitation", "id", id)));
			this.jdbc.update("DELETE FROM invitation WHERE id = ?", id);
			if (InvitationStatus.ATTENDED.name().equals(values[2])
					&& !InvitationStatus.ATTENDED.name().equals(keptValues[1])) {
				moves.add(new MergeMove("INVITATION_STATUS", keptInvitation, null, (String) keptValues[1]));
				this.jdbc.update("UPDATE invitation SET status = ? WHERE id = ?", InvitationStatus.ATTENDED.name(),
						keptInvitation);
			}
		}
		this.ledger.record(event.mergeId(), moves);
	}

	@EventListener
	void on(MergeUndone event) {
		long kept = event.keptId();
		long merged = event.restoredId();
		long id = event.mergeId();
		if (event.kind() == MergeKind.ORGANIZATION) {
			this.ledger.moveBack("INVITATION", this.ledger.movedIds(id, "INVITATION"),
					"UPDATE invitation SET organization_id = :merged WHERE id IN (:ids) AND organization_id = :kept",
					kept, merged);
			for (MergeMove move : this.ledger.moves(id, "MEETING_INTERACTION")) {
				this.ledger.moveBack("MEETING_INTERACTION", List.of(move.rowId()),
						"UPDATE meeting_interaction SET organization_id = :merged WHERE meeting_id IN (:ids) AND organization_id = :kept",
						kept, merged);
			}
			for (MergeMove move : this.ledger.moves(id, "MEETING_INTERACTION_FOLDED")) {
				if (count("SELECT COUNT(*) FROM meeting WHERE id = ?", move.rowId()) == 0) {
					throw MergeLedger.gone("MEETING_INTERACTION");
				}
				this.jdbc.update(
						"INSERT INTO meeting_interaction (meeting_id, organization_id, interaction_id) VALUES (?, ?, ?)",
						move.rowId(), merged, move.rowRef());
			}
			return;
		}
		this.ledger.moveBack("INVITATION", this.ledger.movedIds(id, "INVITATION"),
				"UPDATE invitation SET contact_id = :merged WHERE id IN (:ids) AND contact_id = :kept", kept, merged);
		for (MergeMove move : this.ledger.moves(id, "INVITATION_STATUS")) {
			this.jdbc.update("UPDATE invitation SET status = ? WHERE id = ?", move.detail(), move.rowId());
		}
		for (MergeMove move : this.ledger.moves(id, "INVITATION_FOLDED")) {
			String row = Objects.requireNonNull(move.detail());
			Object meeting = this.ledger.rowValue(row, "meeting_id");
			if (count("SELECT COUNT(*) FROM meeting WHERE id = ?", meeting) == 0) {
				throw MergeLedger.gone("INVITATION");
			}
			this.ledger.insertRow("invitation", row);
		}
	}

}
