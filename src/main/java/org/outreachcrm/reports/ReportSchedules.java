package org.outreachcrm.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.shared.BusinessRuleException;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.StaleVersionException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
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

	ReportSchedules(ScheduleRepository repository, UserAccounts users, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public ScheduleView create(ScheduleRequest request) {
		String cron = ScheduleTimes.cronOf(request);
		long owner = this.users.findByUsername(ReportRuns.currentUsername())
			.orElseThrow(() -> new BusinessRuleException("reports.error.owner", "Log in as a user to own a schedule"))
			.id();
		ReportSchedule schedule = new ReportSchedule();
		schedule.apply(request, cron);
		schedule.setOwner(owner, LocaleContextHolder.getLocale().toLanguageTag(), now());
		return view(this.repository.saveAndFlush(schedule));
	}

	public ScheduleView update(long id, ScheduleRequest request) {
		ReportSchedule schedule = find(id);
		if (request.version() == null) {
			throw new BusinessRuleException("validation.version.required",
					"The version the change is based on is required");
		}
		StaleVersionException.check("Report schedule", id, request.version(), schedule.version());
		String cron = ScheduleTimes.cronOf(request);
		schedule.apply(request, cron);
		this.repository.saveAndFlush(schedule);
		this.jdbc.sql("UPDATE report_schedule SET checked_until = ? WHERE id = ?")
			.params(RunStore.utc(now()), id)
			.update();
		return view(schedule);
	}

	public void delete(long id, @Nullable Long version) {
		ReportSchedule schedule = find(id);
		if (version != null) {
			StaleVersionException.check("Report schedule", id, version, schedule.version());
		}
		this.repository.delete(schedule);
	}

	@Transactional(readOnly = true)
	public ScheduleView get(long id) {
		return view(find(id));
	}

	@Transactional(readOnly = true)
	public Page<ScheduleView> list(Pageable pageable) {
		return this.repository.findAll(pageable).map(this::view);
	}

	private ReportSchedule find(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("Report schedule", id));
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
