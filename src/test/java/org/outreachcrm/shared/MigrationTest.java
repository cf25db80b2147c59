package org.outreachcrm.shared;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Flyway migrations build a schema that Hibernate validates and that keeps any text.
 */
@DatabaseTest
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class MigrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void migrationsRanAndIdSequencesAreSeeded() {
		assertThat(this.jdbc.queryForList("SELECT seq_name FROM id_sequence ORDER BY seq_name", String.class))
			.contains("affiliation", "contact", "organization", "interaction");
		Integer failed = this.jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE",
				Integer.class);
		assertThat(failed).isZero();
	}

	@Test
	void fourByteCharactersRoundTripInEveryTextColumnKind() {
		String text = "Łódź Științifică 北京 Москва 🌍🤝 \uD840\uDC0B";
		this.jdbc.update("""
				INSERT INTO organization (id, name, name_key, type, stage, description, created_at, updated_at, version)
				VALUES (-1, ?, 'x', 'NGO', 'PROSPECT', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""", text, text);
		List<String> stored = this.jdbc.queryForList(
				"SELECT name FROM organization WHERE id = -1 UNION ALL SELECT description FROM organization WHERE id = -1",
				String.class);
		assertThat(stored).containsExactly(text, text);
	}

	@Test
	void everyTableIsUtf8mb4OnMySql() {
		String product = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		assumeTrue("MySQL".equalsIgnoreCase(product) || "MariaDB".equalsIgnoreCase(product),
				"table character sets exist only on MySQL/MariaDB");
		List<String> notUtf8mb4 = this.jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_collation NOT LIKE 'utf8mb4%'
				AND table_name <> 'flyway_schema_history'""", String.class);
		assertThat(notUtf8mb4).isEmpty();
	}

}
