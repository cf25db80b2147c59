package org.outreachcrm.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists and completes follow-ups. Staff see and complete only their own; managers see
 * everyone's and filter by assignee and country.
 */
@Service
@Transactional
public class FollowUps {

	private final FollowUpRepository followUps;

	private final Interactions interactions;

	private final CurrentUser currentUser;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ScopeSql scope;

	private final UserAccounts users;

	FollowUps(FollowUpRepository followUps, Interactions interactions, CurrentUser currentUser,
			NamedParameterJdbcTemplate jdbc, Clock clock, ScopeSql scope, UserAccounts users) {
		this.scope = scope;
		this.users = users;
		this.followUps = followUps;
		this.interactions = interactions;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Follow-ups by due date: overdue first, then today's, then upcoming (open ones
	 * before completed ones when those are included).
	 */
	@Transactional(readOnly = true)
	public Page<FollowUpView> list(FollowUpQuery query, Pageable pageable) {
		Long assignee = query.assigneeId();
		if (!this.currentUser.isManager()) {
			long me = this.currentUser.id();
			if (assignee != null && assignee != me) {
				throw new AccessDeniedException("Staff see only their own follow-ups");
			}
			assignee = me;
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		where.append(this.scope.byOrganization("f", params));
		if (assignee != null) {
			where.append(" AND f.assignee_id = :assignee");
			params.addValue("assignee", assignee);
		}
		if (query.country() != null) {
			where.append(" AND f.country = :country");
			params.addValue("country", query.country());
		}
		if (!query.includeCompleted()) {
			where.append(" AND f.completed_at IS NULL");
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f" + where, params, Long.class);
		if (total == null || total == 0) {
			return Page.empty(pageable);
		}
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		// due_on ascending puts overdue before today before upcoming, whatever "today" is
		List<Long> ids = this.jdbc.queryForList("SELECT f.id FROM follow_up f" + where
				+ " ORDER BY CASE WHEN f.completed_at IS NULL THEN 0 ELSE 1 END, f.due_on, f.id"
				+ " LIMIT :limit OFFSET :offset", params, Long.class);
		Map<Long, FollowUp> byId = this.followUps.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(FollowUp::id, Function.identity()));
		LocalDate today = today(query.zone());
		List<FollowUpView> content = ids.stream().map(byId::get).map((f) -> f.toView(today)).toList();
		return new PageImpl<>(content, pageable, total);
	}

	/** The current user's open follow-ups. */
	@Transactional(readOnly = true)
	public Page<FollowUpView> mine(ZoneId zone, Pageable pageable) {
		return list(new FollowUpQuery(this.currentUser.id(), null, zone, false), pageable);
	}

	@Transactional(readOnly = true)
	public FollowUpView get(long id, ZoneId zone) {
		FollowUp followUp = find(id);
		checkMayHandle(followUp);
		return followUp.toView(today(zone));
	}

	/**
	 * Completes a follow-up and, when given, logs the interaction that did it, in one
	 * transaction: if the interaction is refused, the follow-up stays open.
	 */
	public FollowUpView complete(long id, FollowUpCompletion completion, ZoneId zone) {
		FollowUp followUp = find(id);
		checkMayHandle(followUp);
		StaleVersionException.check("FollowUp", id, completion.version(), followUp.version());
		if (!followUp.open()) {
			throw new BusinessRuleException("outreach.followUp.completed", "This follow-up is already completed");
		}
		long me = this.currentUser.id();
		Long interactionId = null;
		if (completion.interaction() != null) {
			interactionId = this.interactions.log(completion.interaction()).id();
		}
		followUp.complete(this.clock.instant(), me, interactionId);
		return this.followUps.saveAndFlush(followUp).toView(today(zone));
	}

	/**
	 * Opens a completed follow-up again (the "undo" right after "Done", or later from the
	 * list of done ones); the interaction logged on completion stays.
	 */
	public FollowUpView reopen(long id, long version, ZoneId zone) {
		FollowUp followUp = handled(id, version);
		if (followUp.open()) {
			throw new BusinessRuleException("outreach.followUp.open", "This follow-up is open already");
		}
		followUp.reopen();
		return this.followUps.saveAndFlush(followUp).toView(today(zone));
	}

	/** Moves an open follow-up to another day, today or later. */
	public FollowUpView snooze(long id, long version, LocalDate dueOn, ZoneId zone) {
		FollowUp followUp = handled(id, version);
		checkOpen(followUp);
		if (dueOn.isBefore(today(zone))) {
			throw new BusinessRuleException("outreach.followUp.snoozeInPast",
					"A follow-up can be moved to today or a later day only");
		}
		followUp.dueOn(dueOn);
		return this.followUps.saveAndFlush(followUp).toView(today(zone));
	}

	/**
	 * Hands an open follow-up to another user, who must be able to see its organization's
	 * country.
	 */
	public FollowUpView reassign(long id, long version, long assigneeId, ZoneId zone) {
		FollowUp followUp = handled(id, version);
		checkOpen(followUp);
		UserView assignee;
		try {
			assignee = this.users.get(assigneeId);
		}
		catch (NotFoundException ex) {
			throw new BusinessRuleException("outreach.user.unknownId", "There is no user with id " + assigneeId,
					assigneeId);
		}
		if (!assignee.enabled() || (!assignee.countries().isEmpty()
				&& (followUp.country() == null || !assignee.countries().contains(followUp.country())))) {
			throw new BusinessRuleException("outreach.followUp.assigneeOutOfScope",
					assignee.displayName() + " does not work with this organization's country", assignee.displayName());
		}
		followUp.assignTo(assigneeId);
		return this.followUps.saveAndFlush(followUp).toView(today(zone));
	}

	/** The follow-ups an interaction set, oldest first. */
	@Transactional(readOnly = true)
	public List<FollowUpView> ofInteraction(long interactionId, ZoneId zone) {
		LocalDate today = today(zone);
		return this.followUps.findByInteractionIdOrderById(interactionId).stream().map((f) -> f.toView(today)).toList();
	}

	/**
	 * Completed follow-ups, most recently completed first: staff see their own, managers
	 * everyone's or one assignee's.
	 */
	@Transactional(readOnly = true)
	public Page<FollowUpView> done(@Nullable Long assigneeId, ZoneId zone, Pageable pageable) {
		Long assignee = assigneeId;
		if (!this.currentUser.isManager()) {
			assignee = this.currentUser.id();
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE f.completed_at IS NOT NULL");
		where.append(this.scope.byOrganization("f", params));
		if (assignee != null) {
			where.append(" AND f.assignee_id = :assignee");
			params.addValue("assignee", assignee);
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f" + where, params, Long.class);
		if (total == null || total == 0) {
			return Page.empty(pageable);
		}
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<Long> ids = this.jdbc.queryForList("SELECT f.id FROM follow_up f" + where
				+ " ORDER BY f.completed_at DESC, f.id DESC LIMIT :limit OFFSET :offset", params, Long.class);
		Map<Long, FollowUp> byId = this.followUps.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(FollowUp::id, Function.identity()));
		LocalDate today = today(zone);
		return new PageImpl<>(ids.stream().map(byId::get).map((f) -> f.toView(today)).toList(), pageable, total);
	}

	private FollowUp handled(long id, long version) {
		FollowUp followUp = find(id);
		checkMayHandle(followUp);
		StaleVersionException.check("FollowUp", id, version, followUp.version());
		return followUp;
	}

	private static void checkOpen(FollowUp followUp) {
		if (!followUp.open()) {
			throw new BusinessRuleException("outreach.followUp.completed", "This follow-up is already completed");
		}
	}

	/** The longest a follow-up can be put off in one step. */
	public static final int MAX_SNOOZE_DAYS = 365;

	/**
	 * Puts an open follow-up off by {@code days} days after today in the viewer's zone
	 * (the home page's "tomorrow" and "in a week").
	 */
	public FollowUpView snooze(long id, long version, int days, ZoneId zone) {
		if (days < 1 || days > MAX_SNOOZE_DAYS) {
			throw new BusinessRuleException("outreach.followUp.snoozeDays",
					"A follow-up can be put off by 1 to " + MAX_SNOOZE_DAYS + " days", MAX_SNOOZE_DAYS);
		}
		return snooze(id, version, today(zone).plusDays(days), zone);
	}

	private void checkMayHandle(FollowUp followUp) {
		if (!this.currentUser.isManager() && followUp.assigneeId() != this.currentUser.id()) {
			throw new AccessDeniedException("Staff handle only their own follow-ups");
		}
	}

	private LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	private FollowUp find(long id) {
		return this.followUps.findById(id).orElseThrow(() -> new NotFoundException("FollowUp", id));
	}

}
