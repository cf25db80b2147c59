package org.outreachcrm.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark leaves no application running on any exit path, and one slow request is a
 * failed sample with its URL and duration, not the end of the run.
 */
class BenchHygieneTest {

	@Test
	void aSlowRequestIsAFailedSampleWithItsUrlAndTheMeasurementGoesOn() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			if (exchange.getRequestURI().getPath().equals("/slow")) {
				try {
					Thread.sleep(5_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			try {
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			catch (IOException ex) {
				// the client gave up on the slow one
			}
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		try {
			HttpLoad load = new HttpLoad(server.getAddress().getPort(), "admin", "secret", 2, Duration.ofMillis(1_500));
			// the first (uncounted) opens the connection
			HttpLoad.Sample sample = load.sequential("mixed", List.of("/fast?0", "/fast?1", "/slow", "/fast?2"), 1);

			assertThat(sample.millis()).hasSize(4);
			assertThat(sample.errors()).isEqualTo(1);
			assertThat(sample.firstError()).startsWith("TIMEOUT /slow after ").endsWith(" ms");
			assertThat(load.slowest(1)).singleElement().satisfies((slowest) -> {
				assertThat(slowest.path()).isEqualTo("/slow");
				assertThat(slowest.outcome()).isEqualTo("TIMEOUT");
				assertThat(slowest.millis()).isGreaterThanOrEqualTo(1_400);
				assertThat(slowest.line()).contains("/slow", "TIMEOUT", "ms");
			});
			assertThat(load.slowest(10)).extracting(HttpLoad.Timed::outcome)
				.containsOnlyOnce("TIMEOUT")
				.contains("200");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anApplicationThatIgnoresTheStopSignalIsKilledWithWhatItStarted() throws Exception {
		Process app = BenchApp.launch(new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 600 & wait; sleep 600"));
		await().atMost(Duration.ofSeconds(10)).until(() -> app.descendants().findAny().isPresent());
		List<ProcessHandle> children = app.descendants().toList();

		BenchApp.stop(app, Duration.ofMillis(500));

		assertThat(app.isAlive()).isFalse();
		assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void anApplicationThatNeverComesUpIsStoppedBeforeTheBenchmarkFails(@TempDir Path dir) throws Exception {
		Process app = BenchApp.launch(new ProcessBuilder("sleep", "600"));
		assertThatThrownBy(() -> BenchApp.awaitReady(app, 2, dir.resolve("app.log"), () -> false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("did not start");
		assertThat(app.isAlive()).isFalse();

		Process failing = BenchApp.launch(new ProcessBuilder("sleep", "600"));
		assertThatThrownBy(() -> BenchApp.awaitReady(failing, 5, dir.resolve("app.log"), () -> {
			throw new IllegalArgumentException("the probe broke");
		})).isInstanceOf(IllegalArgumentException.class);
		assertThat(failing.isAlive()).isFalse();
	}

}
