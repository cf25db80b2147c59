package org.outreachcrm.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.directory.bulk.RecordChange;
import org.outreachcrm.imports.RowResult.Problem;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.NotFoundException;
import org.outreachcrm.shared.BatchRows;
import org.outreachcrm.shared.ClaimedJobs;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import tables: runs with their counters, the changes each run made (for undo) and
 * the problems of its rows. Counters are added in the chunk's own transaction, so after a
 * crash they match exactly what was written.
 */
@Component
class ImportRuns implements ClaimedJobs.Runs {

	/** The widths of {@code import_problem}'s columns (V21). */
	static final int MAX_COLUMN_NAME = 200;

	static final int MAX_MESSAGE = 1000;

	/** What a rejected row keeps of each cell, and of all its cells, for the report. */
	static final int MAX_STORED_CELL = 2000;

	static final int MAX_STORED_CELLS = 15_000;

	private static final TypeReference<List<String>> CELLS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ObjectMapper json;

	private final ImportTexts texts;

	private final TransactionTemplate transactions;

	ImportRuns(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json, ImportTexts texts,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.batch = batch;
		this.json = json;
		this.texts = texts;
	}

	long create(String fileName, String storedFile, String source, ImportOptions options, String user, Instant now,
			boolean awaitingReview, CountryScope scope) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO import_run (file_name, stored_file, source, mode, dry_run, date_order, mapping_template,
				  sheet_name, status, rows_read, rows_imported, rows_rejected, rows_skipped, warnings,
				  organizations_created, organizations_updated, contacts_created, contacts_updated,
				  affiliations_created, created_by, created_at, awaiting_review, country_scope, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, 0)""")
			.params(fileName, storedFile, source, options.mode().name(), options.dryRun(), options.dateOrder().name(),
					options.mappingTemplate(), options.sheetName(), user, utc(now), awaitingReview, scopeColumn(scope))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void plan(long id, String format, String sheetName, int headerRow, String mappingJson, @Nullable Long rowsTotal) {
		this.jdbc.sql("""
				UPDATE import_run SET format = ?, sheet_name = ?, header_row = ?, mapping = ?, rows_total = ?
				WHERE id = ?""").params(format, sheetName, headerRow, mappingJson, rowsTotal, id).update();
	}

	/**
	 * Ends the review of a prepared run with the mapping the admin chose. False when the
	 * run was not waiting (already started, e.g. by a second click), so it starts once.
	 */
	boolean release(long id, boolean dryRun, String mappingJson, CountryScope scope) {
		return this.jdbc.sql("""
				UPDATE import_run SET awaiting_review = FALSE, dry_run = ?, mapping = ?, country_scope = ?
				WHERE id = ? AND awaiting_review = TRUE AND status = 'QUEUED'""")
			.params(dryRun, mappingJson, scopeColumn(scope), id)
			.update() == 1;
	}

	/** The plan of a run; empty when the run has none (its file could not be read). */
	Optional<StoredPlan> storedPlan(long id) {
		return this.jdbc.sql("""
				SELECT stored_file, file_name, sheet_name, header_row, mapping, mode, dry_run, date_order, created_by,
				  country_scope, format
				FROM import_run WHERE id = ? AND mapping IS NOT NULL""")
			.param(id)
			.query((rs, n) -> new StoredPlan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), ImportMode.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getString(8),
					rs.getString(9), scope(rs.getString(10)), rs.getString(11)))
			.optional();
	}

	void markRunning(long id, long jobExecutionId, Instant now) {
		this.jdbc.sql("""
				UPDATE import_run SET status = 'RUNNING', job_execution_id = ?,
				  started_at = COALESCE(started_at, ?) WHERE id = ?""").params(jobExecutionId, utc(now), id).update();
	}

	/**
	 * Ends a run; its message is stored as key and arguments, and as the English sentence
	 * for whoever reads the table directly.
	 */
	void finish(long id, ImportStatus status, @Nullable ImportText message, Instant now) {
		finish(id, status, message, now, null);
	}

	/**
	 * Ends a run, with its duplicate check's state: CHECKING for a real run that
	 * completed, whose records are checked next.
	 */
	void finish(long id, ImportStatus status, @Nullable ImportText message, Instant now,
			@Nullable DuplicateCheckState check) {
		// a run that ends is no longer waiting for anything, whatever happened
		this.jdbc.sql("""
				UPDATE import_run SET status = ?, message = ?, message_code = ?, message_args = ?, finished_at = ?,
				  awaiting_review = FALSE, duplicate_check = ?
				WHERE id = ?""")
			.params(status.name(), message == null ? null : this.texts.english(message),
					message == null ? null : message.code(), message == null ? null : arguments(message), utc(now),
					(check != null) ? check.name() : null, id)
			.update();
	}

	void undone(long id, String user, String report, Instant now) {
		this.jdbc.sql("UPDATE import_run SET undone_by = ?, undone_at = ?, undo_report = ? WHERE id = ?")
			.params(user, utc(now), report, id)
			.update();
	}

	void addCounts(long id, Counts c) {
		this.jdbc.sql("""
				UPDATE import_run SET rows_read = rows_read + ?, rows_imported = rows_imported + ?,
				  rows_rejected = rows_rejected + ?, rows_skipped = rows_skipped + ?, warnings = warnings + ?,
				  organizations_created = organizations_created + ?, organizations_updated = organizations_updated + ?,
				  contacts_created = contacts_created + ?, contacts_updated = contacts_updated + ?,
				  affiliations_created = affiliations_created + ? WHERE id = ?""")
			.params(c.read(), c.imported(), c.rejected(), c.skipped(), c.warnings(), c.organizationsCreated(),
					c.organizationsUpdated(), c.contactsCreated(), c.contactsUpdated(), c.affiliationsCreated(), id)
			.update();
	}

	/** The last sequence number of a run's stored changes (0 when none). */
	long lastChangeSeq(long id) {
		return this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM import_change WHERE import_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	/**
	 * Stores a chunk's changes with sequence numbers after {@code lastSeq}, created
	 * records of one kind with consecutive ids as one range row; answers the last
	 * sequence number used.
	 */
	long addChanges(long id, List<RecordChange> changes, long lastSeq) {
		List<Object[]> rows = new ArrayList<>();
		long seq = lastSeq;
		int i = 0;
		while (i < changes.size()) {
			RecordChange change = changes.get(i);
			int count = 1;
			if (change.created()) {
				while (i + count < changes.size() && changes.get(i + count).created()
						&& changes.get(i + count).kind() == change.kind()
						&& changes.get(i + count).id() == change.id() + count) {
					count++;
				}
			}
			rows.add(new Object[] { id, ++seq, change.kind().name(), change.id(), count, change.field(),
					change.oldValue(), change.newValue() });
			i += count;
		}
		if (!rows.isEmpty()) {
			BatchRows.execute(this.batch, """
					INSERT INTO import_change (import_id, seq, kind, record_id, record_count, field, old_value,
					  new_value)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		}
		return seq;
	}

	List<RecordChange> changes(long id) {
		List<RecordChange> changes = new ArrayList<>();
		this.jdbc.sql("""
				SELECT kind, record_id, record_count, field, old_value, new_value FROM import_change
				WHERE import_id = ? ORDER BY seq""").param(id).query((ResultSet rs) -> {
			RecordChange.Kind kind = RecordChange.Kind.valueOf(rs.getString(1));
			long first = rs.getLong(2);
			int count = rs.getInt(3);
			for (int n = 0; n < count; n++) {
				changes.add(new RecordChange(kind, first + n, rs.getString(4), rs.getString(5), rs.getString(6)));
			}
		});
		return changes;
	}

	void addProblems(long id, List<RowResult> results) {
		List<Object[]> rows = new ArrayList<>();
		for (RowResult result : results) {
			int seq = 0;
			String cells = result.rejected() ? this.json.writeValueAsString(storedCells(result.cells())) : null;
			for (Problem problem : result.rejections()) {
				rows.add(problemRow(id, result.rowNumber(), seq++, "REJECTED", problem, seq == 1 ? cells : null));
			}
			for (Problem problem : result.warnings()) {
				rows.add(problemRow(id, result.rowNumber(), seq++, "WARNING", problem, null));
			}
		}
		BatchRows.execute(this.batch, """
				INSERT INTO import_problem (import_id, row_no, seq, severity, column_name, message, message_code,
				  message_args, raw_cells)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private Object[] problemRow(long id, long rowNumber, int seq, String severity, Problem problem,
			@Nullable String cells) {
		return new Object[] { id, rowNumber, seq, severity, shorten(problem.column(), MAX_COLUMN_NAME),
				shorten(this.texts.english(problem.text()), MAX_MESSAGE), problem.text().code(),
				arguments(problem.text()), cells };
	}

	/**
	 * The cells of a rejected row as stored for the rejection report: each shortened to
	 * {@link #MAX_STORED_CELL} characters and all of them to {@link #MAX_STORED_CELLS},
	 * so that they fit their column ({@code TEXT}, 64 KB on MySQL, 4 bytes a character at
	 * worst) whatever the file holds.
	 */
	static List<String> storedCells(List<String> cells) {
		List<String> stored = new ArrayList<>();
		int total = 0;
		for (String cell : cells) {
			String kept = cell.length() <= MAX_STORED_CELL ? cell : cell.substring(0, MAX_STORED_CELL - 1) + "\u2026";
			total += kept.length() + 4;
			if (total > MAX_STORED_CELLS) {
				break;
			}
			stored.add(kept);
		}
		return stored;
	}

	private static @Nullable String shorten(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "\u2026";
	}

	/**
	 * Rejected rows in file order, with their cells and every problem found in them, the
	 * rejections first, then the warnings (an unknown country beside a bad e-mail):
	 * whoever fixes the row sees all at once.
	 */
	List<RejectedRow> rejectedRows(long id) {
		List<RejectedRow> rows = new ArrayList<>();
		this.jdbc.sql("""
				SELECT row_no, column_name, message, message_code, message_args, raw_cells FROM import_problem
				WHERE import_id = ? AND row_no IN (SELECT r.row_no FROM import_problem r
				  WHERE r.import_id = ? AND r.severity = 'REJECTED')
				ORDER BY row_no, seq""").params(id, id).query((ResultSet rs) -> {
			long row = rs.getLong(1);
			Reason reason = new Reason(rs.getString(2), text(rs.getString(4), rs.getString(5)), rs.getString(3));
			if (!rows.isEmpty() && rows.get(rows.size() - 1).rowNumber() == row) {
				rows.get(rows.size() - 1).reasons().add(reason);
			}
			else {
				String raw = rs.getString(6);
				List<Reason> reasons = new ArrayList<>();
				reasons.add(reason);
				rows.add(new RejectedRow(row, raw == null ? List.of() : this.json.readValue(raw, CELLS), reasons));
			}
		});
		return rows;
	}

	List<ProblemView> problems(long id, int limit) {
		return this.jdbc.sql("""
				SELECT row_no, severity, column_name, message, message_code, message_args FROM import_problem
				WHERE import_id = ? ORDER BY row_no, seq""")
			.param(id)
			.query((rs, n) -> new ProblemView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					text(rs.getString(5), rs.getString(6))))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * The organizations and people a run created or changed, each once, in id order (from
	 * its change log: created records as ranges of ids).
	 */
	Map<MergeKind, List<Long>> touchedRecords(long id) {
		Map<MergeKind, TreeSet<Long>> touched = new EnumMap<>(MergeKind.class);
		this.jdbc.sql("""
				SELECT kind, record_id, record_count FROM import_change
				WHERE import_id = ? AND kind IN ('ORGANIZATION', 'CONTACT')""").param(id).query((ResultSet rs) -> {
			MergeKind kind = (RecordChange.Kind.valueOf(rs.getString(1)) == RecordChange.Kind.ORGANIZATION)
					? MergeKind.ORGANIZATION : MergeKind.CONTACT;
			long first = rs.getLong(2);
			int count = rs.getInt(3);
			TreeSet<Long> ids = touched.computeIfAbsent(kind, (k) -> new TreeSet<>());
			for (int n = 0; n < count; n++) {
				ids.add(first + n);
			}
		});
		Map<MergeKind, List<Long>> lists = new EnumMap<>(MergeKind.class);
		touched.forEach((kind, ids) -> lists.put(kind, List.copyOf(ids)));
		return lists;
	}

	/**
	 * Whether the run's duplicate check goes on; locks the run's row until the caller's
	 * transaction ends, so that {@link #cancelCheck} waits for a chunk in progress.
	 */
	boolean stillChecking(long id) {
		return this.jdbc.sql("SELECT duplicate_check FROM import_run WHERE id = ? FOR UPDATE")
			.param(id)
			.query(String.class)
			.optional()
			.map(DuplicateCheckState.CHECKING.name()::equals)
			.orElse(false);
	}

	/** Ends a run's duplicate check, unless an undo cancelled it meanwhile. */
	void checked(long id, DuplicateCheckState state, @Nullable Integer found) {
		this.jdbc.sql("""
				UPDATE import_run SET duplicate_check = ?, possible_duplicates = ?
				WHERE id = ? AND duplicate_check = 'CHECKING'""").params(state.name(), found, id).update();
	}

	/**
	 * Cancels a run's duplicate check if it still runs, after the chunk in progress:
	 * answers once no chunk of the check will run any more.
	 */
	void cancelCheck(long id) {
		this.transactions.executeWithoutResult((status) -> {
			if (stillChecking(id)) {
				this.jdbc.sql("UPDATE import_run SET duplicate_check = 'CANCELLED' WHERE id = ?").param(id).update();
			}
		});
	}

	/** Runs COMPLETED whose duplicate check an instance that stopped left unfinished. */
	boolean checkPending(long id) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM import_run WHERE id = ? AND status = 'COMPLETED' AND duplicate_check = 'CHECKING'")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	void forgetWork(long id) {
		this.jdbc.sql("DELETE FROM import_change WHERE import_id = ?").param(id).update();
	}

	@Override
	public List<Long> unfinished() {
		return this.jdbc.sql("""
				SELECT id FROM import_run
				WHERE (status IN ('QUEUED', 'RUNNING') AND NOT awaiting_review)
				  OR (status = 'COMPLETED' AND duplicate_check = 'CHECKING')
				ORDER BY id""").query(Long.class).list();
	}

	@Override
	public @Nullable Long jobExecutionId(long id) {
		return this.jdbc.sql("SELECT job_execution_id FROM import_run WHERE id = ?")
			.param(id)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
	}

	@Override
	public JobParameters parameters(long id) {
		return new JobParametersBuilder().addLong(ImportJobConfiguration.IMPORT_ID, id).toJobParameters();
	}

	ImportView get(long id) {
		return this.jdbc.sql("SELECT * FROM import_run WHERE id = ?")
			.param(id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

	/**
	 * The run, if its country scope lies within {@code viewer}'s (docs/security.md, "A
	 * scoped admin"): a run started with all countries only for a viewer with all of
	 * them; any other answers 404 as if it did not exist.
	 */
	ImportView get(long id, CountryScope viewer) {
		if (!viewer.all()) {
			CountryScope run = this.jdbc.sql("SELECT country_scope FROM import_run WHERE id = ?")
				.param(id)
				.query((rs, n) -> scope(rs.getString(1)))
				.optional()
				.orElseThrow(() -> new NotFoundException("Import", id));
			if (run.all() || !viewer.countries().containsAll(run.countries())) {
				throw new NotFoundException("Import", id);
			}
		}
		return get(id);
	}

	List<String> headers(long id) {
		String mapping = this.jdbc.sql("SELECT mapping FROM import_run WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		return mapping == null ? List.of() : MappingJson.read(this.json, mapping).headers();
	}

	/**
	 * The runs {@code viewer} may see (as {@link #get(long, CountryScope)}), newest
	 * first.
	 */
	Page<ImportView> page(Pageable pageable, CountryScope viewer) {
		List<Object> params = new ArrayList<>();
		String where = visibleTo(viewer, params);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM import_run" + where).params(params).query(Long.class).single();
		params.add(pageable.getPageSize());
		params.add(pageable.getOffset());
		List<ImportView> content = this.jdbc
			.sql("SELECT * FROM import_run" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, n) -> view(rs))
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * Runs whose stored scope lies within the viewer's: the stored scope is the starter's
	 * sorted codes joined by commas, so it lies within the viewer's countries when as
	 * many of them occur in it as it has codes (each code takes three characters with its
	 * comma).
	 */
	private static String visibleTo(CountryScope viewer, List<Object> params) {
		if (viewer.all()) {
			return "";
		}
		StringBuilder found = new StringBuilder("0");
		for (String country : new java.util.TreeSet<>(viewer.countries())) {
			found.append(" + CASE WHEN CONCAT(',', country_scope, ',') LIKE ? THEN 1 ELSE 0 END");
			params.add("%," + country + ",%");
		}
		return " WHERE country_scope IS NOT NULL AND (country_scope = '' OR LENGTH(country_scope) + 1 = 3 * (" + found
				+ "))";
	}

	private @Nullable String arguments(ImportText text) {
		return text.args().isEmpty() ? null : this.json.writeValueAsString(text.args());
	}

	/**
	 * The key and arguments of a stored message; null for rows that have only a sentence.
	 */
	private @Nullable ImportText text(@Nullable String code, @Nullable String arguments) {
		if (code == null) {
			return null;
		}
		return new ImportText(code, arguments == null ? List.of() : this.json.readValue(arguments, CELLS));
	}

	private ImportView view(ResultSet rs) throws SQLException {
		return new ImportView(rs.getLong("id"), rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")),
				rs.getString("source"), ImportMode.valueOf(rs.getString("mode")), rs.getBoolean("dry_run"),
				rs.getString("format"), rs.getString("sheet_name"), rs.getLong("rows_read"),
				rs.getLong("rows_imported"), rs.getLong("rows_rejected"), rs.getLong("rows_skipped"),
				rs.getLong("warnings"), rs.getLong("organizations_created"), rs.getLong("organizations_updated"),
				rs.getLong("contacts_created"), rs.getLong("contacts_updated"), rs.getLong("affiliations_created"),
				rs.getString("message"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "undone_at"),
				rs.getString("undone_by"), rs.getBoolean("awaiting_review"),
				(Long) rs.getObject("rows_total", Long.class),
				text(rs.getString("message_code"), rs.getString("message_args")),
				(Integer) rs.getObject("possible_duplicates", Integer.class), (rs.getString("duplicate_check") != null)
						? DuplicateCheckState.valueOf(rs.getString("duplicate_check")) : null);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	private static @Nullable String scopeColumn(CountryScope scope) {
		return scope.all() ? null : String.join(",", new java.util.TreeSet<>(scope.countries()));
	}

	private static CountryScope scope(@Nullable String column) {
		if (column == null) {
			return CountryScope.everything();
		}
		return CountryScope.of(java.util.Arrays.stream(column.split(",")).filter((c) -> !c.isBlank()).toList());
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** What a chunk adds to a run's counters. */
	record Counts(long read, long imported, long rejected, long skipped, long warnings, long organizationsCreated,
			long organizationsUpdated, long contactsCreated, long contactsUpdated, long affiliationsCreated) {
	}

	/**
	 * What the job needs to read a run's file; {@code scope} is the country scope of the
	 * user who started it.
	 */
	record StoredPlan(String storedFile, String fileName, String sheetName, int headerRow, String mappingJson,
			ImportMode mode, boolean dryRun, String dateOrder, String createdBy, CountryScope scope,
			@Nullable String format) {
	}

	/** A rejected row for the rejection report, with every reason in file order. */
	record RejectedRow(long rowNumber, List<String> cells, List<Reason> reasons) {
	}

	/**
	 * Why a row was rejected: the column it concerns (null for the row as a whole), the
	 * message's key and arguments (null for rows stored before messages had keys) and the
	 * stored English sentence.
	 */
	record Reason(@Nullable String column, @Nullable ImportText text, String sentence) {
	}

}
