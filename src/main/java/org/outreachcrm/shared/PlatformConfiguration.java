package org.outreachcrm.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The clock every module reads time from (tests replace it), and who/when stamping of
 * edited records.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkLoadProperties.class)
@EnableJpaAuditing(dateTimeProviderRef = "auditingDateTimeProvider")
class PlatformConfiguration {

	/** Name recorded as author when no user is logged in (start-up tasks, schedules). */
	static final String SYSTEM = "system";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	BulkInsert bulkInsert(JdbcTemplate jdbc, BulkLoadProperties properties, DataSource dataSource) {
		// LOAD DATA is MySQL's: other databases get batches whatever the folder says
		Path folder = properties.folder();
		boolean loadable = folder != null && !folder.toString().isBlank() && isMySql(dataSource);
		return new BulkInsert(jdbc, loadable ? folder.toAbsolutePath().normalize() : null);
	}

	/** Whether the database is MySQL or MariaDB (the ones with {@code LOAD DATA}). */
	static boolean isMySql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			return product.contains("mysql") || product.contains("mariadb");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database's name", ex);
		}
	}

	@Bean
	DateTimeProvider auditingDateTimeProvider(Clock clock) {
		// micro-seconds: what DATETIME(6) stores, so a reloaded record equals the saved
		// one
		return () -> Optional.of(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
	}

	@Bean
	AuditorAware<String> auditorAware() {
		return () -> Optional.of(currentUsername());
	}

	static String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || !authentication.isAuthenticated()) ? SYSTEM : authentication.getName();
	}

}
