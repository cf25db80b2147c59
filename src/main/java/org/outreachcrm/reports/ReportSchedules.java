package org.outreachcrm.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.OutOfScopeException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report schedules: create, change, delete, list. The creator owns a schedule: its runs
 * count within the owner's country scope and appear in the owner's history. Saving checks
 * the cron expression (or derives it from the picker) and the time zone; a schedule is
 * only looked at from the moment it was saved, so a change never fires slots from the
 * past.
 */
@Service
@Transactional
public class ReportSchedules {

	private final ScheduleRepository repository;

	private final UserAccounts users;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RecipientPolicy recipients;

	ReportSchedules(ScheduleRepository repository, UserAccounts users, JdbcClient jdbc, Clock clock,
			RecipientPolicy recipients) {
		this.repository = repository;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
		this.recipients = recipients;
	}

	public ScheduleView create(ScheduleRequest request) {
		String cron = ScheduleTimes.cronOf(request);
		this.recipients.check(request.recipients() == null ? List.of() : request.recipients());
		long owner = caller().id();
		ReportSchedule schedule = new ReportSchedule();
		schedule.apply(request, cron);
		schedule.setOwner(owner, LocaleContextHolder.getLocale().toLanguageTag(), now());
		return view(this.repository.saveAndFlush(schedule));
	}

	public ScheduleView update(long id, ScheduleRequest request) {
		ReportSchedule schedule = findManaged(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Report schedule", id, request.version(), schedule.version());
		String cron = ScheduleTimes.cronOf(request);
		this.recipients.check(request.recipients() == null ? List.of() : request.recipients());
		schedule.apply(request, cron);
		this.repository.saveAndFlush(schedule);
		this.jdbc.sql("UPDATE report_schedule SET checked_until = ? WHERE id = ?")
			.params(RunStore.utc(now()), id)
			.update();
		return view(schedule);
	}

	public void delete(long id, @Nullable Long version) {
		ReportSchedule schedule = findManaged(id);
		if (version != null) {
			StaleVersionException.check("Report schedule", id, version, schedule.version());
		}
		this.repository.delete(schedule);
	}

	@Transactional(readOnly = true)
	public ScheduleView get(long id) {
		return view(find(id));
	}

	/**
	 * The schedules the caller may see: their own, and those of owners whose countries
	 * the caller's include (all of them with every country). Schedules are few: they are
	 * filtered here and the page cut afterwards.
	 */
	@Transactional(readOnly = true)
	public Page<ScheduleView> list(Pageable pageable) {
		// a login without an account sees no country, hence no schedule
		UserView caller = this.users.findByUsername(ReportRuns.currentUsername()).orElse(null);
		if (caller == null) {
			return Page.empty(pageable);
		}
		Map<Long, Boolean> visibleOwners = new HashMap<>();
		List<ScheduleView> visible = this.repository.findAll(pageable.getSort())
			.stream()
			.filter((s) -> visibleOwners.computeIfAbsent(s.getOwnerId(), (owner) -> maySee(caller, owner)))
			.map(this::view)
			.toList();
		int from = (int) Math.min(pageable.getOffset(), visible.size());
		int to = Math.min(from + pageable.getPageSize(), visible.size());
		return new PageImpl<>(visible.subList(from, to), pageable, visible.size());
	}

	/** A schedule the caller may see; 404 otherwise, as for one that does not exist. */
	private ReportSchedule find(long id) {
		ReportSchedule schedule = this.repository.findById(id)
			.orElseThrow(() -> new NotFoundException("Report schedule", id));
		UserView caller = this.users.findByUsername(ReportRuns.currentUsername()).orElse(null);
		if (caller == null || !maySee(caller, schedule.getOwnerId())) {
			throw new NotFoundException("Report schedule", id);
		}
		return schedule;
	}

	/**
	 * A schedule the caller may change: its owner, or an admin whose countries include
	 * the owner's (a run is computed in its owner's scope and mailed to its recipients,
	 * so anyone else could widen what goes out).
	 */
	private ReportSchedule findManaged(long id) {
		ReportSchedule schedule = find(id);
		UserView caller = caller();
		boolean mayManage = caller.id() == schedule.getOwnerId()
				|| (caller.roles().contains(Role.ADMIN) && covers(caller, owner(schedule.getOwnerId())));
		if (!mayManage) {
			throw new OutOfScopeException("reports.error.schedule.notYours",
					"Only the owner of this schedule, or an admin whose countries include the owner's, can change it",
					id);
		}
		return schedule;
	}

	private boolean maySee(UserView caller, long ownerId) {
		return caller.id() == ownerId || covers(caller, owner(ownerId));
	}

	private @Nullable UserView owner(long ownerId) {
		return this.users.exists(ownerId) ? this.users.get(ownerId) : null;
	}

	/** Whether the countries of {@code user} include all of {@code other}'s. */
	private static boolean covers(UserView user, @Nullable UserView other) {
		if (user.countries().isEmpty()) {
			return true;
		}
		return other != null && !other.countries().isEmpty() && user.countries().containsAll(other.countries());
	}

	private UserView caller() {
		return this.users.findByUsername(ReportRuns.currentUsername())
			.orElseThrow(() -> new BusinessRuleException("reports.error.owner", "Log in as a user to own a schedule"));
	}

	private ScheduleView view(ReportSchedule schedule) {
		ZonedDateTime next;
		try {
			next = ScheduleTimes.next(schedule.getCron(), schedule.getTimeZone(), now());
		}
		catch (RuntimeException ex) {
			next = null; // broken in the table (never through the service): shown, not
							// fired
		}
		return schedule.view(next == null ? null : next.toInstant());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
