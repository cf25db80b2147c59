package org.outreachcrm.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.shared.CountryScope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code report_run} table. Each change is one statement (auto-commit), so the worker
 * threads and every application instance see a run's progress at once. A scheduled run is
 * unique per schedule and slot: a second instance inserting the same slot gets nothing.
 */
@Component
class RunStore {

	/** A run with everything the worker needs. */
	record StoredRun(ReportRunView view, CountryScope scope, Locale locale, boolean skipWhenEmpty,
			List<String> recipients) {

		ReportFilter filter() {
			return new ReportFilter(this.view.type(), this.view.from(), this.view.to(),
					Set.copyOf(this.view.countries()), this.view.campaignId());
		}

	}

	// every column but the stored result, which only the run's page reads
	private static final String COLUMNS = """
			id, report_type, period_from, period_to, countries, campaign_id, status, file_name, message,
			requested_by, schedule_id, created_at, started_at, finished_at, delivery_status, delivery_attempts,
			computed_at, scope_all, scope_countries, locale, skip_when_empty, recipients""";

	private final JdbcClient jdbc;

	RunStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ReportFilter filter, CountryScope scope, Locale locale, String requestedBy, Instant now) {
		return insert(filter, scope, locale, requestedBy, null, null, false, List.of(), now);
	}

	/** The new run of a schedule's slot, or empty when that slot already has its run. */
	Optional<Long> insertScheduled(ReportFilter filter, CountryScope scope, Locale locale, String owner,
			long scheduleId, Instant slot, boolean skipWhenEmpty, List<String> recipients, Instant now) {
		try {
			return Optional.of(insert(filter, scope, locale, owner, scheduleId, slot, skipWhenEmpty, recipients, now));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	private long insert(ReportFilter filter, CountryScope scope, Locale locale, String requestedBy,
			@Nullable Long scheduleId, @Nullable Instant slot, boolean skipWhenEmpty, List<String> recipients,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_run (report_type, period_from, period_to, countries, campaign_id, scope_all,
				    scope_countries, locale, status, requested_by, schedule_id, slot, skip_when_empty, recipients,
				    delivery_status, delivery_attempts, created_at)
				VALUES (:type, :from, :to, :countries, :campaign, :scopeAll, :scopeCountries, :locale, 'QUEUED',
				    :requestedBy, :schedule, :slot, :skip, :recipients, :delivery, 0, :now)""")
			.param("type", filter.type().name())
			.param("from", filter.from())
			.param("to", filter.to())
			.param("countries", String.join(",", filter.countries()))
			.param("campaign", filter.campaignId())
			.param("scopeAll", scope.all())
			.param("scopeCountries", String.join(",", new java.util.TreeSet<>(scope.countries())))
			.param("locale", locale.toLanguageTag())
			.param("requestedBy", requestedBy)
			.param("schedule", scheduleId)
			.param("slot", slot == null ? null : utc(slot))
			.param("skip", skipWhenEmpty)
			.param("recipients", recipients.isEmpty() ? null : String.join(",", recipients))
			.param("delivery", recipients.isEmpty() ? DeliveryStatus.NONE.name() : DeliveryStatus.PENDING.name())
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<StoredRun> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_run WHERE id = ?")
			.param(id)
			.query(RunStore::map)
			.optional();
	}

	/** Newest first; {@code requestedBy} null lists everyone's runs. */
	List<ReportRunView> page(@Nullable String requestedBy, int limit, long offset) {
		String where = requestedBy == null ? "" : " WHERE requested_by = :by";
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM report_run" + where
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("by", requestedBy)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> map(rs, i).view())
			.list();
	}

	/**
	 * The newest runs whose delivery failed after its last attempt; {@code requestedBy}
	 * null lists everyone's. One query over the delivery index: failures are few, however
	 * many runs succeeded since.
	 */
	List<ReportRunView> failedDeliveries(@Nullable String requestedBy, int limit) {
		String by = requestedBy == null ? "" : " AND requested_by = :by";
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM report_run WHERE delivery_status = 'FAILED'" + by
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("by", requestedBy)
			.param("limit", limit)
			.query((rs, i) -> map(rs, i).view())
			.list();
	}

	long count(@Nullable String requestedBy) {
		String where = requestedBy == null ? "" : " WHERE requested_by = :by";
		return this.jdbc.sql("SELECT COUNT(*) FROM report_run" + where)
			.param("by", requestedBy)
			.query(Long.class)
			.single();
	}

	/**
	 * QUEUED (or RUNNING, left by a stopped instance) → RUNNING; false when it is
	 * finished. Called only with the run's claim held, which is what tells a dead run
	 * from a live one.
	 */
	boolean start(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE report_run SET status = 'RUNNING', started_at = ?
				 WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""").params(utc(now), id).update() == 1;
	}

	void finish(long id, ReportRunStatus status, @Nullable String fileName, @Nullable String message, Instant now) {
		String delivery = status == ReportRunStatus.COMPLETED ? "delivery_status"
				: "CASE WHEN delivery_status = 'PENDING' THEN 'NONE' ELSE delivery_status END";
		this.jdbc
			.sql("UPDATE report_run SET status = ?, file_name = ?, message = ?, finished_at = ?, delivery_status = "
					+ delivery + " WHERE id = ?")
			.params(status.name(), fileName, message == null ? null : truncate(message), utc(now), id)
			.update();
	}

	/**
	 * Keeps what a run computed with it, before it is marked completed: its page, API and
	 * mail show these figures, never a new count.
	 */
	void storeResult(long id, String result, Instant computedAt) {
		this.jdbc.sql("UPDATE report_run SET result = ?, computed_at = ? WHERE id = ?")
			.params(result, utc(computedAt), id)
			.update();
	}

	/** The stored result of a run (JSON); empty for runs without one. */
	Optional<String> result(long id) {
		return this.jdbc.sql("SELECT result FROM report_run WHERE id = ? AND result IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** Runs whose delivery is due: pending, completed, next attempt time reached. */
	List<Long> dueDeliveries(Instant now) {
		return this.jdbc.sql("""
				SELECT id FROM report_run WHERE delivery_status = 'PENDING' AND status = 'COMPLETED'
				   AND (next_delivery_at IS NULL OR next_delivery_at <= ?) ORDER BY id""")
			.param(utc(now))
			.query(Long.class)
			.list();
	}

	/** Whether the run waits for a delivery attempt that is due now. */
	boolean deliveryDue(long id, Instant now) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM report_run WHERE id = ? AND delivery_status = 'PENDING' AND status = 'COMPLETED'
				   AND (next_delivery_at IS NULL OR next_delivery_at <= ?)""")
			.params(id, utc(now))
			.query(Long.class)
			.single() == 1;
	}

	void recordDelivery(long id, int attempt, List<String> recipients, @Nullable String error, DeliveryStatus status,
			@Nullable Instant nextAttempt, Instant now) {
		this.jdbc.sql("""
				INSERT INTO report_delivery (run_id, attempt, recipients, succeeded, error, attempted_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, attempt, String.join(",", recipients), error == null, error == null ? null : truncate(error),
					utc(now))
			.update();
		this.jdbc
			.sql("UPDATE report_run SET delivery_status = ?, delivery_attempts = ?, next_delivery_at = ? WHERE id = ?")
			.params(status.name(), attempt, nextAttempt == null ? null : utc(nextAttempt), id)
			.update();
	}

	/** Delivery attempts of a run, oldest first: attempt, succeeded, error. */
	List<DeliveryAttempt> deliveries(long id) {
		return this.jdbc.sql(
				"SELECT attempt, succeeded, error, attempted_at FROM report_delivery WHERE run_id = ? ORDER BY attempt")
			.param(id)
			.query((rs, i) -> new DeliveryAttempt(rs.getInt(1), rs.getBoolean(2), rs.getString(3),
					java.util.Objects.requireNonNull(instant(rs.getObject(4, LocalDateTime.class)))))
			.list();
	}

	/** Runs waiting or being computed, or left so by a stopped instance; oldest first. */
	List<Long> unfinished() {
		return this.jdbc.sql("SELECT id FROM report_run WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
			.query(Long.class)
			.list();
	}

	private static StoredRun map(ResultSet rs, int row) throws SQLException {
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		long schedule = rs.getLong("schedule_id");
		Long scheduleId = rs.wasNull() ? null : schedule;
		ReportRunView view = new ReportRunView(rs.getLong("id"), ReportType.valueOf(rs.getString("report_type")),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				split(rs.getString("countries")), campaignId, ReportRunStatus.valueOf(rs.getString("status")),
				rs.getString("file_name"), rs.getString("message"), rs.getString("requested_by"), scheduleId,
				java.util.Objects.requireNonNull(instant(rs.getObject("created_at", LocalDateTime.class))),
				instant(rs.getObject("started_at", LocalDateTime.class)),
				instant(rs.getObject("finished_at", LocalDateTime.class)),
				DeliveryStatus.valueOf(rs.getString("delivery_status")), rs.getInt("delivery_attempts"),
				instant(rs.getObject("computed_at", LocalDateTime.class)));
		CountryScope scope = rs.getBoolean("scope_all") ? CountryScope.everything()
				: CountryScope.of(split(rs.getString("scope_countries")));
		return new StoredRun(view, scope, Locale.forLanguageTag(rs.getString("locale")),
				rs.getBoolean("skip_when_empty"), split(rs.getString("recipients")));
	}

	static List<String> split(@Nullable String csv) {
		return csv == null || csv.isBlank() ? List.of()
				: Arrays.stream(csv.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static @Nullable Instant instant(@Nullable LocalDateTime utc) {
		return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
	}

	private static String truncate(String text) {
		return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
	}

}
