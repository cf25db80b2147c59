package org.outreachcrm.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock stopped at {@link #NOW} (UTC) for web slice tests whose pages show dates or
 * count from today: import it beside the slice.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

	/** Where the clock stands. */
	public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
