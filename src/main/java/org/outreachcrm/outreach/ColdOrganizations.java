package org.outreachcrm.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.OrganizationFacts;
import org.outreachcrm.directory.Organizations;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.LowerBoundTotal;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations "going cold": the last interaction is more than N days old
 * ({@code crm.outreach.cold-after-days}), or there was none and the organization was
 * created more than N days ago. Longest silence first.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(OutreachProperties.class)
public class ColdOrganizations {

	private final NamedParameterJdbcTemplate jdbc;

	private final Organizations organizations;

	private final OutreachProperties properties;

	private final Clock clock;

	private final ScopeSql scope;

	ColdOrganizations(NamedParameterJdbcTemplate jdbc, Organizations organizations, OutreachProperties properties,
			Clock clock, ScopeSql scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.properties = properties;
		this.clock = clock;
	}

	/** The number of days that applies: the one asked for, or the configured one. */
	public int days(@Nullable Integer days) {
		if (days != null && days < 1) {
			throw new BusinessRuleException("cold.days.invalid", "Give a number of days of 1 or more");
		}
		return days == null ? this.properties.coldAfterDays() : days;
	}

	/**
	 * With {@code days} null, the configured number of days applies; below 1 is refused.
	 * Organizations never contacted are read from the directory itself (the module's
	 * activity table knows only those it heard of): they go cold once they are older than
	 * the threshold. Read by {@link #walk walking} the indexes oldest first up to the
	 * page, without counting every organization: the total is exact only on the last page
	 * ({@link LowerBoundTotal}).
	 */
	public Page<ColdOrganization> list(@Nullable Integer days, Pageable pageable) {
		Instant now = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("cutoff",
				OrganizationActivity.utc(now.minus(Duration.ofDays(days(days)))));
		// rows of organizations since deleted from the directory are not in the list
		String known = " AND EXISTS (SELECT 1 FROM organization d WHERE d.id = o.organization_id)"
				+ this.scope.byOrganization("o", params);
		// written in bulk (as an import does), no event told the module: the directory's
		// creation time, along its index
		String unknown = """
				SELECT d.id, d.created_at, NULL FROM organization d
				 WHERE d.created_at < :cutoff
				   AND NOT EXISTS (SELECT 1 FROM outreach_organization a WHERE a.organization_id = d.id)"""
				+ this.scope.organizations("d", params) + " ORDER BY d.created_at, d.id LIMIT :limit";
		return walk(params, known, unknown, pageable, now);
	}

	/**
	 * The organizations going cold (the configured number of days) that are the given
	 * staff member's own: those they logged an interaction with, or hold an open
	 * follow-up of. Read from the module's own tables only ({@code interaction},
	 * {@code follow_up}, {@code outreach_organization}), within the current scope, by
	 * {@link #walk walking} the indexes up to the page.
	 */
	public Page<ColdOrganization> mine(long staffId, Pageable pageable) {
		Instant now = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("cutoff",
				OrganizationActivity.utc(now.minus(Duration.ofDays(days(null)))))
			.addValue("staff", staffId);
		// scalar subqueries, not EXISTS: MariaDB turns EXISTS into a semi-join that reads
		// every interaction of the staff member first; these are asked per row walked
		String mine = """
				AND ((SELECT 1 FROM interaction i WHERE i.staff_id = :staff
				     AND i.organization_id = o.organization_id LIMIT 1) IS NOT NULL
				    OR (SELECT 1 FROM follow_up f WHERE f.assignee_id = :staff AND f.completed_at IS NULL
				        AND f.organization_id = o.organization_id LIMIT 1) IS NOT NULL)"""
				+ this.scope.byOrganization("o", params);
		return walk(params, mine, null, pageable, now);
	}

	/**
	 * The first {@code limit} of {@link #mine} (longest silence first), for the home
	 * page.
	 */
	public List<ColdOrganization> coldestOfMine(long staffId, int limit) {
		return mine(staffId, PageRequest.of(0, limit)).getContent();
	}

	/**
	 * One page of organizations going cold, longest silence first, without counting them
	 * all. Each kind of silence is walked along its own index (last interaction; known
	 * since, for those never contacted; and with {@code unknown}, the directory's
	 * creation time for organizations the module never heard of), each up to the end of
	 * the page and one more, checking {@code condition} per row: the rows read follow how
	 * deep the page lies, not how many organizations there are. The walks are merged in
	 * the list's order: by the start of the silence, then id.
	 */
	private Page<ColdOrganization> walk(MapSqlParameterSource params, String condition, @Nullable String unknown,
			Pageable pageable, Instant now) {
		long end = pageable.getOffset() + pageable.getPageSize();
		params.addValue("limit", end + 1);
		String columns = "SELECT o.organization_id, o.known_since, o.last_interaction_at FROM outreach_organization o";
		List<Object[]> rows = new ArrayList<>();
		rows.addAll(this.jdbc.query(
				columns + " WHERE o.last_interaction_at < :cutoff " + condition
						+ " ORDER BY o.last_interaction_at, o.organization_id LIMIT :limit",
				params, ColdOrganizations::row));
		rows.addAll(
				this.jdbc.query(
						columns + " WHERE o.last_interaction_at IS NULL AND o.known_since < :cutoff " + condition
								+ " ORDER BY o.known_since, o.organization_id LIMIT :limit",
						params, ColdOrganizations::row));
		if (unknown != null) {
			rows.addAll(this.jdbc.query(unknown, params, ColdOrganizations::row));
		}
		rows.sort(Comparator.comparing((Object[] r) -> (LocalDateTime) (r[2] != null ? r[2] : r[1]))
			.thenComparing((Object[] r) -> (Long) r[0]));
		boolean more = rows.size() > end;
		int from = (int) Math.min(pageable.getOffset(), rows.size());
		List<Object[]> page = rows.subList(from, (int) Math.min(end, rows.size()));
		return new ColdPage(cold(page, now), pageable, more ? end + 1 : rows.size(), !more);
	}

	private static Object[] row(ResultSet rs, int i) throws SQLException {
		return new Object[] { rs.getLong(1), rs.getObject(2, LocalDateTime.class),
				rs.getObject(3, LocalDateTime.class) };
	}

	// rows of (organization id, known since, last interaction) with the directory's facts
	private List<ColdOrganization> cold(List<Object[]> rows, Instant now) {
		Map<Long, OrganizationFacts> facts = this.organizations.facts(rows.stream().map((r) -> (Long) r[0]).toList())
			.stream()
			.collect(Collectors.toMap(OrganizationFacts::id, Function.identity()));
		List<ColdOrganization> content = new ArrayList<>();
		for (Object[] row : rows) {
			OrganizationFacts organization = facts.get((Long) row[0]);
			if (organization == null) {
				continue; // deleted from the directory since; its outreach history stays
			}
			Instant last = row[2] == null ? null : OrganizationActivity.instant((LocalDateTime) row[2]);
			Instant silentSince = last != null ? last : OrganizationActivity.instant((LocalDateTime) row[1]);
			content.add(new ColdOrganization(organization.id(), organization.name(), organization.country(),
					organization.type(), organization.stage(), last, silentSince,
					Duration.between(silentSince, now).toDays()));
		}
		return content;
	}

}
