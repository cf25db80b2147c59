package org.outreachcrm.accounts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import db.migration.V115__FoldedUsernames;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V115 on data from before user names were folded: names that share a fold keep working
 * (each gets a distinct key), and the key is unique from then on.
 */
class UsernameMigrationTest {

	@Test
	void foldsExistingNamesAndKeepsCollidingOnesDistinct() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v115;MODE=MySQL", "sa", "");
				Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE app_user (id BIGINT PRIMARY KEY, username VARCHAR(100) NOT NULL UNIQUE)");
			sql.execute("INSERT INTO app_user VALUES (1, 'admin'), (2, 'ADMIN'), (3, 'Zoë'), (4, 'ａｄｍｉｎ')");

			new V115__FoldedUsernames().migrate(context(connection));

			Map<Long, String> keys = new LinkedHashMap<>();
			try (var rows = sql.executeQuery("SELECT id, username_key FROM app_user ORDER BY id")) {
				while (rows.next()) {
					keys.put(rows.getLong(1), rows.getString(2));
				}
			}
			assertThat(keys).containsExactly(Map.entry(1L, "admin"), Map.entry(2L, "admin#2"), Map.entry(3L, "zoë"),
					Map.entry(4L, "admin#4"));
			assertThatThrownBy(() -> sql.execute("INSERT INTO app_user VALUES (5, 'Admin', 'admin')"))
				.isInstanceOf(SQLException.class);
		}
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				throw new UnsupportedOperationException();
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

		};
	}

}
