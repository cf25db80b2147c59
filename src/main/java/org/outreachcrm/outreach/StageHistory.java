package org.outreachcrm.outreach;

import org.outreachcrm.directory.OrganizationStageChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a {@code stage_change} row for every partnership stage the directory announces.
 * It listens inside the directory's transaction (not after commit) on purpose: the
 * history then commits or rolls back together with the change, and no event can be lost
 * between the commit and the listener (the application has no event publication
 * registry).
 */
@Component
class StageHistory {

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationActivity activity;

	StageHistory(NamedParameterJdbcTemplate jdbc, OrganizationActivity activity) {
		this.jdbc = jdbc;
		this.activity = activity;
	}

	@EventListener
	void on(OrganizationStageChanged event) {
		this.jdbc.update("""
				INSERT INTO stage_change (organization_id, from_stage, to_stage, changed_by, changed_at)
				VALUES (:organizationId, :from, :to, :changedBy, :changedAt)""",
				new MapSqlParameterSource("organizationId", event.organizationId())
					.addValue("from", event.from() == null ? null : event.from().name())
					.addValue("to", event.to().name())
					.addValue("changedBy", event.changedBy())
					.addValue("changedAt", OrganizationActivity.utc(event.changedAt())));
		if (event.from() == null) {
			this.activity.known(event.organizationId(), event.changedAt());
		}
	}

}
