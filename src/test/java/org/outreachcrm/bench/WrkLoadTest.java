package org.outreachcrm.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrk driver of the scale benchmark reads back what its Lua script wrote; wrk itself
 * is not needed here.
 */
class WrkLoadTest {

	@Test
	void readsRequestsLatencyPercentilesAndCompletionsPerSecond() {
		List<String> lines = new ArrayList<>(List.of("requests 2000", "duration_us 2000000", "errors 10"));
		// quantile i (every 0.1 %) at i * 10 microseconds: p50 is 5 ms, p95 9.5 ms
		for (int i = 1; i <= 1000; i++) {
			lines.add("q " + i + " " + (i * 10));
		}
		lines.addAll(List.of("second 1700000000 900", "second 1700000001 1000", "second 1700000001 90",
				"first_error 500: {\"title\":\"Internal Server Error\"}"));

		HttpLoad.Throughput run = WrkLoad.parse("log", 8, 2, lines);

		assertThat(run.ok()).isEqualTo(1990);
		assertThat(run.errors()).isEqualTo(10);
		assertThat(run.seconds()).isEqualTo(2.0);
		assertThat(run.requestsPerSecond()).isEqualTo(995.0);
		assertThat(run.latency().millis()).hasSize(1990);
		assertThat(run.latency().percentile(50)).isEqualTo(5.0);
		assertThat(run.latency().percentile(95)).isEqualTo(9.5);
		assertThat(run.perSecond()).containsExactly(900, 1090);
		assertThat(run.firstError()).isEqualTo("500: {\"title\":\"Internal Server Error\"}");
	}

	@Test
	void scriptMakesTheSameBodiesAsTheJdkDriver() {
		String lua = WrkLoad.script(new long[] { 11, 12 }, new long[] { 101, 102 }, 1_000_000, 1);

		assertThat(lua).contains("local orgs = {11,12}")
			.contains("local people = {101,102}")
			.contains("local first = 1000000")
			.contains("(n * 7919) % #orgs + 1")
			.contains("\"subject\":\"Rozmowa o kampanii %d\"");
	}

}
