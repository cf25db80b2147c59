package org.outreachcrm.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
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
@EnableJpaAuditing(dateTimeProviderRef = "auditingDateTimeProvider")
class PlatformConfiguration {

	/** Name recorded as author when no user is logged in (start-up tasks, schedules). */
	static final String SYSTEM = "system";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
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
