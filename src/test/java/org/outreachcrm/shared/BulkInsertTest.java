package org.outreachcrm.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk inserts store exactly what a JDBC batch would, or fail as it would: on MariaDB
 * (the {@code mariadb} build profile, whose {@code mysql} profile names the load folder)
 * through {@code LOAD DATA LOCAL INFILE}, on H2 as batches.
 */
@DatabaseTest
@SpringBootTest
class BulkInsertTest {

	private static final List<String> COLUMNS = List.of("id", "label", "amount", "flag", "stamped_at", "day_on");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	BulkInsert bulk;

	@Autowired
	BulkLoadProperties properties;

	@BeforeEach
	void createProbeTable() {
		this.jdbc.execute("""
				CREATE TABLE bulk_insert_probe (id BIGINT PRIMARY KEY, label VARCHAR(100),
				  amount INT, flag BOOLEAN, stamped_at DATETIME(6), day_on DATE, version INT NOT NULL)""");
	}

	@AfterEach
	void dropProbeTable() {
		this.jdbc.execute("DROP TABLE IF EXISTS bulk_insert_probe");
	}

	@Test
	void storesEveryKindOfValueAsABatchWould() {
		String awkward = "Tab\there, line\nbreak, CR\r, back\\slash \\N, 'quote\", Łódź Ștefan 王小明 🌍";
		List<Object[]> rows = new ArrayList<>(List.of(
				new Object[] { 1L, awkward, 7, true, LocalDateTime.of(2026, 3, 12, 9, 30, 15),
						LocalDate.of(2026, 3, 12) },
				new Object[] { 2L, null, null, false, null, null }, new Object[] { 3L, "", -1, null, null, null }));
		// enough rows for a load file, not a batch
		rows.addAll(manyRows(4, BulkInsert.MIN_LOAD_ROWS));

		inTransaction(() -> this.bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"), rows));

		assertThat(this.jdbc.queryForList(
				"SELECT id, label, amount, flag, stamped_at, day_on, version FROM bulk_insert_probe WHERE id <= 3 ORDER BY id"))
			.satisfiesExactly((first) -> {
				assertThat(first.get("label")).isEqualTo(awkward);
				assertThat(((Number) first.get("amount")).intValue()).isEqualTo(7);
				assertThat(first.get("flag")).isEqualTo(true);
				assertThat(first.get("stamped_at").toString().replace('T', ' ')).startsWith("2026-03-12 09:30:15");
				assertThat(first.get("day_on").toString()).startsWith("2026-03-12");
				assertThat(((Number) first.get("version")).intValue()).isZero();
			}, (second) -> {
				assertThat(second.get("label")).isNull();
				assertThat(second.get("amount")).isNull();
				assertThat(second.get("flag")).isEqualTo(false);
				assertThat(second.get("stamped_at")).isNull();
			}, (third) -> {
				// an empty text stays empty, it does not become null
				assertThat(third.get("label")).isEqualTo("");
				assertThat(third.get("flag")).isNull();
			});
		assertThat(this.bulk.loadsData()).isEqualTo(isMySql());
	}

	@Test
	void rowsAreWrittenInTheCallersTransaction() {
		assertThatThrownBy(() -> inTransaction(() -> {
			this.bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"), manyRows(1, 500));
			throw new IllegalStateException("the chunk fails after its rows were written");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(count()).isZero();
	}

	@Test
	void aDuplicateKeyFailsTheInsertInsteadOfBeingSkipped() {
		inTransaction(() -> this.bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"), manyRows(1, 1)));

		// LOAD DATA LOCAL would skip the duplicate with a warning and keep the rest
		assertThatThrownBy(() -> inTransaction(() -> this.bulk.insert("bulk_insert_probe", COLUMNS,
				Map.of("version", "0"), manyRows(1, BulkInsert.MIN_LOAD_ROWS))))
			.isInstanceOf(DataAccessException.class);

		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aValueTooLongForItsColumnFailsTheInsertInsteadOfBeingCut() {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { 1L, "x".repeat(101), 1, true, null, null });
		rows.addAll(manyRows(2, BulkInsert.MIN_LOAD_ROWS));

		assertThatThrownBy(
				() -> inTransaction(() -> this.bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"), rows)))
			.isInstanceOf(DataAccessException.class);

		assertThat(count()).isZero();
	}

	@Test
	void aFolderTheConnectionDoesNotAllowFallsBackToBatches(@TempDir Path elsewhere) {
		BulkInsert refused = new BulkInsert(this.jdbc, isMySql() ? elsewhere : null);

		inTransaction(() -> refused.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"),
				manyRows(1, BulkInsert.MIN_LOAD_ROWS)));
		inTransaction(() -> refused.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"),
				manyRows(1 + BulkInsert.MIN_LOAD_ROWS, 20)));

		assertThat(count()).isEqualTo(BulkInsert.MIN_LOAD_ROWS + 20);
		assertThat(refused.loadsData()).isFalse();
	}

	@Test
	void loadFilesAreDeletedOnceLoaded() throws Exception {
		inTransaction(() -> this.bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"),
				manyRows(1, BulkInsert.MIN_LOAD_ROWS)));

		Path folder = this.properties.folder();
		if (folder != null && Files.isDirectory(folder)) {
			try (var files = Files.list(folder)) {
				assertThat(files.filter((f) -> f.getFileName().toString().startsWith("rows-"))).isEmpty();
			}
		}
		assertThat(count()).isEqualTo(BulkInsert.MIN_LOAD_ROWS);
	}

	@Test
	void filesLeftByACrashedProcessAreRemovedAtStartButNotAnotherInstancesLoad(@TempDir Path folder) throws Exception {
		Path crashed = Files.writeString(folder.resolve("rows-1.tsv"), "1\tleft behind\n");
		Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		Path loading = Files.writeString(folder.resolve("rows-2.tsv"), "2\tbeing loaded\n");
		Path unrelated = Files.writeString(folder.resolve("notes.txt"), "kept");
		Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

		new BulkInsert(this.jdbc, folder);

		assertThat(crashed).doesNotExist();
		assertThat(loading).exists();
		assertThat(unrelated).exists();
	}

	@Test
	void aFewRowsGoAsABatchEvenWhereLoadsAreAllowed() {
		BulkInsert bulk = new BulkInsert(this.jdbc, isMySql() ? this.properties.folder() : null);

		inTransaction(() -> bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"),
				manyRows(1, BulkInsert.MIN_LOAD_ROWS - 1)));
		assertThat(count()).isEqualTo(BulkInsert.MIN_LOAD_ROWS - 1);
		assertThat(bulk.loadsData()).as("no load for a few rows").isFalse();

		inTransaction(() -> bulk.insert("bulk_insert_probe", COLUMNS, Map.of("version", "0"),
				manyRows(BulkInsert.MIN_LOAD_ROWS, BulkInsert.MIN_LOAD_ROWS)));
		assertThat(count()).isEqualTo(2 * BulkInsert.MIN_LOAD_ROWS - 1);
		assertThat(bulk.loadsData()).isEqualTo(isMySql());
	}

	@Test
	void linesAreTabSeparatedWithEscapesAndNullMarkers() {
		StringBuilder line = new StringBuilder();
		BulkInsert.appendRow(line, new Object[] { 5L, "a\tb\\c\nd\re\0f", null, true, 3,
				LocalDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000), LocalDate.of(2026, 1, 2) });

		assertThat(line).hasToString("5\ta\\tb\\\\c\\nd\\re\\0f\t\\N\t1\t3\t2026-01-02 03:04:05\t2026-01-02\n");
		assertThatThrownBy(() -> BulkInsert.appendRow(new StringBuilder(), new Object[] { new Object() }))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theStatementNamesItsColumnsAndConstants() {
		String sql = BulkInsert.loadStatement(Path.of("/tmp/bulk/rows-1.tsv"), "contact_phone",
				List.of("contact_id", "phone"), Map.of("position", "0"));

		assertThat(sql).isEqualTo("LOAD DATA LOCAL INFILE '/tmp/bulk/rows-1.tsv' INTO TABLE contact_phone "
				+ "CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
				+ "(contact_id, phone) SET position = 0");
	}

	private List<Object[]> manyRows(long first, int count) {
		List<Object[]> rows = new ArrayList<>();
		for (long id = first; id < first + count; id++) {
			rows.add(new Object[] { id, "row " + id, (int) id, id % 2 == 0, null, null });
		}
		return rows;
	}

	private int count() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe", Integer.class);
		return count == null ? 0 : count;
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> work.run());
	}

	private boolean isMySql() {
		return PlatformConfiguration.isMySql(this.dataSource);
	}

}
