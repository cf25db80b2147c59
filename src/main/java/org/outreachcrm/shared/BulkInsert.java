package org.outreachcrm.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows into one table. On MySQL and MariaDB, when both sides allow it, the
 * rows go through {@code LOAD DATA LOCAL INFILE} from a short-lived file in a dedicated
 * folder: the server's own bulk path, with no SQL text to build on the client or parse on
 * the server (about 40% less work for the server than multi-row {@code INSERT}s, and most
 * of the client's). Otherwise, and on H2, they go as a JDBC batch ({@link BatchRows}).
 * Either way the rows are written in the caller's transaction.
 * <p>
 * The client side is allowed by Connector/J's {@code allowLoadLocalInfileInPath} (set to
 * the folder, see the {@code mysql} profile), which lets the server read files from that
 * folder only; {@code allowLoadLocalInfile}, which would let a server ask for any file of
 * the application host, stays off. The server side is MySQL's {@code local_infile}
 * setting (on by default in MariaDB, off in MySQL 8). When either refuses, the first
 * attempt falls back to batches and later calls go there directly.
 * <p>
 * {@code LOAD DATA LOCAL} reports duplicate keys and unconvertible values as warnings
 * instead of failing (the server cannot stop the client's file half way); a load that
 * stored a different number of rows than sent, or warned at all, is refused here with the
 * server's warnings, so that the caller's transaction rolls back as an {@code INSERT}
 * would have.
 */
public final class BulkInsert {

	private static final Logger log = LoggerFactory.getLogger(BulkInsert.class);

	/**
	 * Fewer rows than this go as a batch: one person's tokens or a chunk's few new tags
	 * are not worth a file written, loaded and deleted.
	 */
	static final int MIN_LOAD_ROWS = 50;

	/** A load file this old is a crashed process's, not a load in progress. */
	private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Whether {@code LOAD DATA LOCAL} works here: unknown until first tried. */
	private enum Mode {

		UNTRIED, LOAD, BATCH

	}

	private final JdbcTemplate jdbc;

	private final @Nullable Path folder;

	private final AtomicReference<Mode> mode;

	/**
	 * @param folder where the load files are written, the folder that Connector/J's
	 * {@code allowLoadLocalInfileInPath} names; null for batches only (H2, or a MySQL
	 * server that is not to be asked)
	 */
	public BulkInsert(JdbcTemplate jdbc, @Nullable Path folder) {
		this.jdbc = jdbc;
		this.folder = folder;
		this.mode = new AtomicReference<>(folder == null ? Mode.BATCH : Mode.UNTRIED);
		if (folder != null) {
			removeLeftovers(folder, Instant.now().minus(LEFTOVER_AGE));
		}
	}

	/**
	 * Deletes load files older than {@code before}: a process killed during a load leaves
	 * its file behind. Younger files may be another instance's load in progress.
	 */
	static void removeLeftovers(Path folder, Instant before) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(folder)) {
			files.filter((file) -> file.getFileName().toString().startsWith("rows-")).forEach((file) -> {
				try {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
						Files.deleteIfExists(file);
					}
				}
				catch (IOException ex) {
					log.warn("Could not delete the leftover bulk load file {}", file, ex);
				}
			});
		}
		catch (IOException ex) {
			log.warn("Could not look for leftover bulk load files in {}", folder, ex);
		}
	}

	/**
	 * Inserts {@code rows} into {@code table}: each row holds the values of
	 * {@code columns} in order ({@code String}, {@code Long}, {@code Integer},
	 * {@code Boolean}, {@code LocalDateTime}, {@code LocalDate} or null);
	 * {@code constants} gives columns the same SQL literal on every row.
	 */
	public void insert(String table, List<String> columns, Map<String, String> constants, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (rows.size() >= MIN_LOAD_ROWS && this.mode.get() != Mode.BATCH && load(table, columns, constants, rows)) {
			return;
		}
		List<String> names = new ArrayList<>(columns);
		List<String> values = new ArrayList<>(columns.stream().map((c) -> "?").toList());
		constants.forEach((column, literal) -> {
			names.add(column);
			values.add(literal);
		});
		BatchRows.execute(this.jdbc, "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
				+ String.join(", ", values) + ")", rows);
	}

	/** Whether rows have gone through {@code LOAD DATA} here (and go on to). */
	public boolean loadsData() {
		return this.mode.get() == Mode.LOAD;
	}

	/** Inserts rows without constant columns. */
	public void insert(String table, List<String> columns, List<Object[]> rows) {
		insert(table, columns, Map.of(), rows);
	}

	/**
	 * Whether the rows were loaded; false when this server or connection does not allow
	 * {@code LOAD DATA LOCAL} (then nothing was written and never will be this way).
	 */
	private boolean load(String table, List<String> columns, Map<String, String> constants, List<Object[]> rows) {
		Path file = write(rows);
		try {
			String sql = loadStatement(file, table, columns, constants);
			long loaded;
			List<String> warnings = new ArrayList<>();
			try {
				loaded = Objects.requireNonNull(this.jdbc.execute((Statement statement) -> {
					long count = statement.executeLargeUpdate(sql);
					for (SQLWarning w = statement.getWarnings(); w != null
							&& warnings.size() < 5; w = w.getNextWarning()) {
						warnings.add(w.getMessage());
					}
					return count;
				}));
			}
			catch (RuntimeException ex) {
				if (this.mode.get() == Mode.UNTRIED && refusedLocalInfile(ex)) {
					log.info("LOAD DATA LOCAL INFILE is not allowed on this connection ({}); bulk inserts use "
							+ "JDBC batches", rootMessage(ex));
					this.mode.set(Mode.BATCH);
					return false;
				}
				throw ex;
			}
			if (this.mode.compareAndSet(Mode.UNTRIED, Mode.LOAD)) {
				log.info("Bulk inserts use LOAD DATA LOCAL INFILE from {}", this.folder);
			}
			if (loaded != rows.size() || !warnings.isEmpty()) {
				throw new DataIntegrityViolationException("Bulk load into " + table + " stored " + loaded + " of "
						+ rows.size() + " rows" + (warnings.isEmpty() ? "" : ": " + String.join("; ", warnings)));
			}
			return true;
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete bulk load file {}", file, ex);
			}
		}
	}

	static String loadStatement(Path file, String table, List<String> columns, Map<String, String> constants) {
		StringBuilder sql = new StringBuilder("LOAD DATA LOCAL INFILE '")
			.append(file.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'"))
			.append("' INTO TABLE ")
			.append(table)
			.append(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'")
			.append(" LINES TERMINATED BY '\\n' (")
			.append(String.join(", ", columns))
			.append(')');
		if (!constants.isEmpty()) {
			List<String> assignments = new ArrayList<>();
			constants.forEach((column, literal) -> assignments.add(column + " = " + literal));
			sql.append(" SET ").append(String.join(", ", assignments));
		}
		return sql.toString();
	}

	private Path write(List<Object[]> rows) {
		Path dir = Objects.requireNonNull(this.folder);
		try {
			Files.createDirectories(dir);
			Path file = Files.createTempFile(dir, "rows-", ".tsv");
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				StringBuilder line = new StringBuilder(256);
				for (Object[] row : rows) {
					line.setLength(0);
					appendRow(line, row);
					out.append(line);
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a bulk load file in " + dir, ex);
		}
	}

	/** One line of the load file: tab-separated, {@code \N} for null, escaped. */
	static void appendRow(StringBuilder line, Object[] row) {
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				line.append('\t');
			}
			Object value = row[i];
			if (value == null) {
				line.append("\\N");
			}
			else if (value instanceof String text) {
				appendEscaped(line, text);
			}
			else if (value instanceof Long || value instanceof Integer) {
				line.append(value);
			}
			else if (value instanceof Boolean flag) {
				line.append(flag ? '1' : '0');
			}
			else if (value instanceof LocalDateTime time) {
				// whole seconds, as Connector/J sends date-times to MariaDB (it takes
				// MariaDB
				// 10's "5.5.5-" version prefix for a server without fractional seconds):
				// a
				// loaded row must not look newer than what the same transaction stamped
				// through JDBC (an import's end, which undo compares with)
				line.append(TIMESTAMP.format(time));
			}
			else if (value instanceof LocalDate date) {
				line.append(date);
			}
			else {
				throw new IllegalArgumentException("Cannot bulk load a " + value.getClass().getName());
			}
		}
		line.append('\n');
	}

	private static void appendEscaped(StringBuilder line, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\t' -> line.append("\\t");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\0' -> line.append("\\0");
				default -> line.append(c);
			}
		}
	}

	/**
	 * Whether the server (1148 not allowed, 3948 local files disabled) or Connector/J (no
	 * {@code allowLoadLocalInfileInPath}, or a folder other than ours) refused the load
	 * itself, rather than the rows.
	 */
	static boolean refusedLocalInfile(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && (sql.getErrorCode() == 1148 || sql.getErrorCode() == 3948)) {
				return true;
			}
			String message = t.getMessage();
			if (message != null && (message.contains("allowLoadLocalInfile") || message.contains("safe path")
					|| message.contains("specified in 'allowLoadLocalInfileInPath'"))) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
