package org.outreachcrm.shared;

import java.sql.Connection;

import javax.sql.DataSource;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outreachcrm.testsupport.DatabaseTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code mysql} profile's Connector/J settings hold when an operator sets
 * {@code SPRING_DATASOURCE_URL} without the parameters: they are data-source properties,
 * which a URL of one's own does not replace. Runs on the MariaDB build only.
 */
@DatabaseTest
@EnabledIfSystemProperty(named = "crm.test.database", matches = "mariadb")
@SpringBootTest
class ConnectionSettingsTest {

	@DynamicPropertySource
	static void urlWithoutParameters(DynamicPropertyRegistry registry) {
		String url = System.getProperty("spring.datasource.url");
		// keep only what reaching the test server needs; drop everything speed depends on
		String bare = url.substring(0, url.indexOf('?'))
				+ "?createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true&useSSL=false";
		registry.add("spring.datasource.url", () -> bare);
	}

	@Autowired
	DataSource dataSource;

	@Test
	void keepsBatchRewritingAndUtf8mb4WhenTheUrlHasNoParameters() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			var properties = connection.unwrap(JdbcConnection.class).getPropertySet();
			assertThat(connection.getMetaData().getURL()).doesNotContain("rewriteBatchedStatements");
			assertThat(properties.getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue()).isTrue();
			assertThat(properties.getStringProperty(PropertyKey.characterEncoding).getValue()).isEqualTo("UTF-8");
			assertThat(properties.getStringProperty(PropertyKey.connectionCollation).getValue())
				.isEqualTo("utf8mb4_unicode_ci");
			assertThat(properties.getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
		}
	}

}
