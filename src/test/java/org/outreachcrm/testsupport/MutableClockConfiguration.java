package org.outreachcrm.testsupport;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with a {@link MutableClock} (primary, so every module
 * reads it). Import it in tests that depend on "now".
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	/** Where the clock stands unless a test moves it. */
	public static final Instant DEFAULT_NOW = Instant.parse("2026-01-15T12:00:00Z");

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(DEFAULT_NOW);
	}

}
