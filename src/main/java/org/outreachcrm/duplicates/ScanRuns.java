package org.outreachcrm.duplicates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.shared.ClaimedJobs;
import org.outreachcrm.shared.NotFoundException;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The stored state of full scans: one active scan per kind in the whole cluster (a unique
 * index on the active kind).
 */
@Component
class ScanRuns implements ClaimedJobs.Runs {

	private final JdbcClient jdbc;

	private final Clock clock;

	ScanRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Queues a scan of a kind, or answers the one already active; true when new. */
	Queued queue(MergeKind kind, String requestedBy) {
		long id;
		try {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO duplicate_scan (kind, status, active_kind, pairs_found, requested_by, created_at)
					VALUES (?, 'QUEUED', ?, 0, ?, ?)""")
				.params(kind.name(), kind.name(), requestedBy, DuplicateStore.utc(this.clock.instant()))
				.update(keys, "id");
			id = keys.getKey().longValue();
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql("SELECT id FROM duplicate_scan WHERE active_kind = ?")
				.param(kind.name())
				.query(Long.class)
				.optional()
				.map((active) -> new Queued(active, false))
				.orElseGet(() -> queue(kind, requestedBy));
		}
		return new Queued(id, true);
	}

	record Queued(long id, boolean created) {
	}

	/** A scan by id (scans hold no records, so every STAFF user may follow any scan). */
	DuplicateScan get(long id) {
		return this.jdbc.sql("SELECT * FROM duplicate_scan WHERE id = ?")
			.param(id)
			.query(ScanRuns::scan)
			.optional()
			.orElseThrow(() -> new NotFoundException("Duplicate scan", id));
	}

	/** The latest scans of a kind, newest first, at most {@code limit}. */
	List<ScanSummary> latest(MergeKind kind, int limit) {
		return this.jdbc.sql("""
				SELECT id, kind, status, pairs_found, created_at, started_at, finished_at FROM duplicate_scan
				WHERE kind = ? ORDER BY id DESC LIMIT ?""").params(kind.name(), limit).query((rs, n) -> {
			return new ScanSummary(rs.getLong("id"), MergeKind.valueOf(rs.getString("kind")),
					ScanStatus.valueOf(rs.getString("status")), rs.getInt("pairs_found"),
					instant(rs.getObject("created_at", LocalDateTime.class)),
					instantOrNull(rs.getObject("started_at", LocalDateTime.class)),
					instantOrNull(rs.getObject("finished_at", LocalDateTime.class)));
		}).list();
	}

	private static Instant instant(LocalDateTime utc) {
		return utc.toInstant(ZoneOffset.UTC);
	}

	private static @Nullable Instant instantOrNull(@Nullable LocalDateTime utc) {
		return (utc != null) ? instant(utc) : null;
	}

	@Override
	public List<Long> unfinished() {
		return this.jdbc.sql("SELECT id FROM duplicate_scan WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
			.query(Long.class)
			.list();
	}

	@Override
	public @Nullable Long jobExecutionId(long id) {
		return this.jdbc.sql("SELECT job_execution_id FROM duplicate_scan WHERE id = ?")
			.param(id)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
	}

	@Override
	public JobParameters parameters(long id) {
		return new JobParametersBuilder().addLong(DuplicateScanJobConfiguration.SCAN_ID, id)
			.addString(DuplicateScanJobConfiguration.KIND, kind(id).name())
			.toJobParameters();
	}

	/** A scan whose job could not start or resume is failed, with a message saying so. */
	@Override
	public void couldNotRun(long id) {
		finish(id, ScanStatus.FAILED, "duplicates.scan.failed");
	}

	MergeKind kind(long id) {
		return get(id).kind();
	}

	void markRunning(long id, long jobExecutionId) {
		this.jdbc.sql("""
				UPDATE duplicate_scan SET status = 'RUNNING', job_execution_id = ?, started_at = COALESCE(started_at, ?)
				WHERE id = ?""").params(jobExecutionId, DuplicateStore.utc(this.clock.instant()), id).update();
	}

	void addFound(long id, int pairs) {
		this.jdbc.sql("UPDATE duplicate_scan SET pairs_found = pairs_found + ? WHERE id = ?")
			.params(pairs, id)
			.update();
	}

	void finish(long id, ScanStatus status, @Nullable String messageKey) {
		this.jdbc.sql("""
				UPDATE duplicate_scan SET status = ?, active_kind = NULL, message = ?, finished_at = ? WHERE id = ?""")
			.params(status.name(), messageKey, DuplicateStore.utc(this.clock.instant()), id)
			.update();
	}

	private static DuplicateScan scan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new DuplicateScan(rs.getLong("id"), MergeKind.valueOf(rs.getString("kind")),
				ScanStatus.valueOf(rs.getString("status")), rs.getInt("pairs_found"), rs.getString("message"));
	}

}
