package org.outreachcrm.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.shared.CountryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due schedules and retries due deliveries, every minute by default. Each schedule
 * slot fires under a ShedLock lock named after the schedule and the slot, and its run is
 * unique per (schedule, slot) in the database, so with several instances every scheduled
 * run happens once. Schedules are handled one by one, each in its own try: one that fails
 * (a broken cron in the table, a removed owner) records why and never stops the others.
 */
@Component
class ReportScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

	private record Due(long id, String cron, String timeZone, Instant checkedUntil) {
	}

	private final JdbcClient jdbc;

	private final RunStore store;

	private final ReportRunner runner;

	private final ReportMailer mailer;

	private final LockingTaskExecutor locks;

	private final UserAccounts users;

	private final ReportsProperties properties;

	private final Clock clock;

	private final RecipientPolicy recipients;

	ReportScheduler(JdbcClient jdbc, RunStore store, ReportRunner runner, ReportMailer mailer,
			LockingTaskExecutor locks, UserAccounts users, ReportsProperties properties, Clock clock,
			RecipientPolicy recipients) {
		this.jdbc = jdbc;
		this.store = store;
		this.runner = runner;
		this.mailer = mailer;
		this.locks = locks;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
		this.recipients = recipients;
	}

	@Scheduled(cron = "${crm.reports.tick-cron}")
	@SchedulerLock(name = "reports-tick", lockAtMostFor = "PT5M")
	void scheduledTick() {
		tick();
	}

	/** One look at every enabled schedule, then at deliveries waiting for a retry. */
	void tick() {
		Instant now = this.clock.instant();
		List<Due> schedules = this.jdbc
			.sql("SELECT id, cron, time_zone, checked_until FROM report_schedule WHERE enabled = TRUE ORDER BY id")
			.query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
					instant(rs.getObject(4, LocalDateTime.class))))
			.list();
		for (Due schedule : schedules) {
			ZonedDateTime slot = null;
			try {
				slot = ScheduleTimes.due(schedule.cron(), schedule.timeZone(), schedule.checkedUntil(), now);
				if (slot != null) {
					ZonedDateTime due = slot;
					this.locks.executeWithLock((Runnable) () -> fire(schedule.id(), due),
							lock("report-" + schedule.id() + "-" + slot.toEpochSecond()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Report schedule {} could not fire", schedule.id(), ex);
				outcome(schedule.id(), slot == null ? null : slot.toInstant(),
						"Failed" + (slot == null ? "" : " at " + slot.toLocalDateTime() + " " + slot.getZone()) + ": "
								+ reason(ex));
			}
		}
		for (long runId : this.store.dueDeliveries(now)) {
			try {
				this.mailer.deliver(runId);
			}
			catch (RuntimeException ex) {
				log.warn("Delivery of report run {} could not be retried", runId, ex);
			}
		}
	}

	private void fire(long id, ZonedDateTime slot) {
		Optional<Long> run = this.jdbc.sql("SELECT * FROM report_schedule WHERE id = ?")
			.param(id)
			.query((rs, i) -> queue(rs, slot))
			.single();
		outcome(id, slot.toInstant(),
				run.map((runId) -> "Run " + runId + " queued for " + slot.toLocalDateTime() + " " + slot.getZone())
					.orElse("Slot " + slot.toLocalDateTime() + " already fired"));
		run.ifPresent(this.runner::submit);
	}

	private Optional<Long> queue(ResultSet rs, ZonedDateTime slot) throws SQLException {
		UserView owner = this.users.get(rs.getLong("owner_id"));
		if (!owner.enabled()) {
			throw new IllegalStateException("the owner " + owner.username() + " is disabled");
		}
		CountryScope scope = owner.countries().isEmpty() ? CountryScope.everything()
				: CountryScope.of(owner.countries());
		ReportPeriod period = ReportPeriod.valueOf(rs.getString("period"));
		LocalDate day = slot.toLocalDate();
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		ReportFilter filter = new ReportFilter(ReportType.valueOf(rs.getString("report_type")), period.from(day),
				period.to(day), new HashSet<>(RunStore.split(rs.getString("countries"))), campaignId);
		// the policy as it is now: an address whose domain is no longer allowed (or whose
		// user left) is not mailed, even though the schedule still lists it
		List<String> recipients = new ArrayList<>();
		for (String recipient : RunStore.split(rs.getString("recipients"))) {
			if (this.recipients.allowed(recipient)) {
				recipients.add(recipient);
			}
			else {
				log.warn("Report schedule {}: {} is no longer an allowed recipient", rs.getLong("id"), recipient);
			}
		}
		return this.store.insertScheduled(filter, scope, Locale.forLanguageTag(rs.getString("locale")),
				owner.username(), rs.getLong("id"), slot.toInstant(), rs.getBoolean("skip_when_empty"), recipients,
				this.clock.instant());
	}

	// a slot fires, or fails, once: the next tick looks at the following slot; a schedule
	// whose cron cannot even be read records why at every tick until it is fixed
	private void outcome(long id, @Nullable Instant slot, String outcome) {
		String text = outcome.length() > 1900 ? outcome.substring(0, 1900) : outcome;
		if (slot == null) {
			this.jdbc.sql("UPDATE report_schedule SET last_outcome = ? WHERE id = ?").params(text, id).update();
		}
		else {
			this.jdbc.sql("UPDATE report_schedule SET last_outcome = ?, checked_until = ? WHERE id = ?")
				.params(text, RunStore.utc(slot), id)
				.update();
		}
	}

	private LockConfiguration lock(String name) {
		return new LockConfiguration(ClockProvider.now(), name, this.properties.lockAtMostFor(),
				Duration.ofSeconds(30));
	}

	private static Instant instant(@Nullable LocalDateTime utc) {
		Instant instant = RunStore.instant(utc);
		return instant == null ? Instant.EPOCH : instant;
	}

	private static String reason(Exception ex) {
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}

}
