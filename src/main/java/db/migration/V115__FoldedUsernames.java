package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.outreachcrm.accounts.UsernameKey;

/**
 * Adds {@code app_user.username_key}, the NFKC case fold of each user name
 * ({@link UsernameKey}), unique. A Java migration because neither H2 nor MySQL can
 * NFKC-normalize in SQL. Safe for existing data: where accounts created before this
 * shared a fold ({@code admin} and {@code ADMIN} on H2), the first keeps the fold and
 * each later one gets {@code fold#id}, which no typed name can produce; they still log in
 * with their name as written ({@link AccountUserDetailsService} prefers an exact match).
 * On MySQL the key is compared in binary, as the fold is already the comparison form.
 * <p>
 * It lives in {@code db.migration}, where Flyway finds it by itself, not as a Spring
 * bean: every context, slices included, must see it, or a context that migrated the
 * shared test database first would skip it for good.
 */
public class V115__FoldedUsernames extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean mysql = connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase(Locale.ROOT)
			.matches(".*(mysql|mariadb).*");
		String type = mysql ? "VARCHAR(400) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "VARCHAR(400)";
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("ALTER TABLE app_user ADD COLUMN username_key " + type);
		}
		Set<String> used = new HashSet<>();
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("SELECT id, username FROM app_user ORDER BY id");
				PreparedStatement update = connection
					.prepareStatement("UPDATE app_user SET username_key = ? WHERE id = ?")) {
			while (rows.next()) {
				long id = rows.getLong(1);
				String key = UsernameKey.fold(rows.getString(2));
				if (key == null || !used.add(key)) {
					key = (key == null ? "" : key) + "#" + id;
					used.add(key);
				}
				update.setString(1, key);
				update.setLong(2, id);
				update.addBatch();
			}
			update.executeBatch();
		}
		try (Statement ddl = connection.createStatement()) {
			ddl.execute(mysql ? "ALTER TABLE app_user MODIFY username_key " + type + " NOT NULL"
					: "ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL");
			ddl.execute("ALTER TABLE app_user ADD CONSTRAINT uk_app_user_username_key UNIQUE (username_key)");
		}
	}

}
