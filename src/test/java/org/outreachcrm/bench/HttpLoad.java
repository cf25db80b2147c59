package org.outreachcrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The HTTP side of the scale benchmark: a JDK {@link HttpClient} (HTTP/1.1, kept-alive
 * connections) that measures latencies of sequential GETs and the throughput of
 * concurrent POSTs from a fixed pool of client threads, each request bounded in time.
 */
final class HttpLoad {

	private final HttpClient http;

	private final String base;

	private final String authorization;

	private final Duration timeout;

	/** Every request measured, slowest first once read: what made the tail. */
	private final List<Timed> timed = java.util.Collections.synchronizedList(new ArrayList<>());

	HttpLoad(int port, String username, String password, int connections) {
		this(port, username, password, connections, Duration.ofSeconds(60));
	}

	/**
	 * With {@code timeout} as the longest a measured request may take: a slower one is
	 * recorded as a failed sample (its URL and duration), and the measurement goes on.
	 */
	HttpLoad(int port, String username, String password, int connections, Duration timeout) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			// daemon threads: a benchmark that failed must not be kept alive by its
			// client
			.executor(Executors.newFixedThreadPool(Math.max(2, connections), (task) -> {
				Thread thread = new Thread(task, "http-load");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
		this.base = "http://127.0.0.1:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.timeout = timeout;
	}

	/** One measured request: its measurement, URL, milliseconds and outcome. */
	record Timed(String measurement, String path, double millis, String outcome) {

		String line() {
			return String.format(java.util.Locale.ROOT, "%9.1f ms  %-10s %s  (%s)", this.millis, this.outcome,
					this.path, this.measurement);
		}

	}

	/** Latencies in milliseconds, with the share of answers that were not 2xx. */
	record Sample(String name, double[] millis, long errors, String firstError) {

		double percentile(double p) {
			if (this.millis.length == 0) {
				return Double.NaN;
			}
			double[] sorted = this.millis.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

	/** Throughput of a timed run, and completions per second for a chart. */
	record Throughput(String name, int clients, double seconds, long ok, long errors, String firstError, Sample latency,
			long[] perSecond) {

		double requestsPerSecond() {
			return this.ok / this.seconds;
		}

	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Each path once, one after the other; the first {@code warmUp} are not counted. A
	 * request that takes longer than the timeout, or fails, is a failed sample with its
	 * URL and duration (counted in the errors, its time in the latencies), not the end of
	 * the measurement.
	 */
	Sample sequential(String name, List<String> paths, int warmUp) throws Exception {
		for (int i = 0; i < Math.min(warmUp, paths.size()); i++) {
			timedGet(name, paths.get(i), false);
		}
		double[] millis = new double[paths.size()];
		long errors = 0;
		String firstError = "";
		for (int i = 0; i < paths.size(); i++) {
			Timed request = timedGet(name, paths.get(i), true);
			millis[i] = request.millis();
			if (!request.outcome().startsWith("2")) {
				errors++;
				if (firstError.isEmpty()) {
					firstError = request.outcome() + " " + paths.get(i) + " after " + Math.round(request.millis())
							+ " ms";
				}
			}
		}
		writeSlowest(name, paths, millis);
		return new Sample(name, millis, errors, firstError);
	}

	// a request not measured (warm-up) is not among the slowest either
	private Timed timedGet(String name, String path, boolean measured) throws InterruptedException {
		long start = System.nanoTime();
		String outcome;
		try {
			HttpResponse<String> response = this.http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			outcome = String.valueOf(response.statusCode());
			if (response.statusCode() / 100 != 2) {
				outcome += ": " + abbreviate(response.body()).replaceAll("\\s+", " ");
			}
		}
		catch (java.net.http.HttpTimeoutException ex) {
			outcome = "TIMEOUT";
		}
		catch (IOException ex) {
			outcome = "FAILED " + ex;
		}
		Timed timed = new Timed(name, path, (System.nanoTime() - start) / 1e6, outcome);
		if (measured) {
			this.timed.add(timed);
		}
		return timed;
	}

	/** The {@code n} slowest requests measured so far, slowest first. */
	List<Timed> slowest(int n) {
		synchronized (this.timed) {
			return this.timed.stream()
				.sorted(java.util.Comparator.comparingDouble(Timed::millis).reversed())
				.limit(n)
				.toList();
		}
	}

	/** Prints the {@code n} slowest requests measured, for the end of a run. */
	void printSlowest(int n) {
		List<Timed> slowest = slowest(n);
		if (!slowest.isEmpty()) {
			System.out.println("Slowest requests (of " + this.timed.size() + "):");
			slowest.forEach((request) -> System.out.println(request.line()));
		}
	}

	private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final java.util.regex.Pattern RUN_STATUS = java.util.regex.Pattern
		.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

	/**
	 * Asks for a report run with {@code body} {@code times} times, one after the other,
	 * each timed from the request to the finished file (polled every 100 ms).
	 */
	Sample reportRuns(String name, String body, int times) throws Exception {
		double[] millis = new double[times];
		long errors = 0;
		String firstError = "";
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			HttpResponse<String> created = this.http
				.send(request("/api/reports/runs").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			java.util.regex.Matcher id = RUN_ID.matcher(created.body());
			String status = "REFUSED " + created.statusCode();
			if (created.statusCode() == 202 && id.find()) {
				do {
					Thread.sleep(100);
					java.util.regex.Matcher matcher = RUN_STATUS
						.matcher(get("/api/reports/runs/" + id.group(1)).body());
					status = matcher.find() ? matcher.group(1) : "UNKNOWN";
				}
				while (status.equals("QUEUED") || status.equals("RUNNING"));
			}
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (!status.equals("COMPLETED")) {
				errors++;
				if (firstError.isEmpty()) {
					firstError = status + ": " + abbreviate(created.body());
				}
			}
		}
		return new Sample(name, millis, errors, firstError);
	}

	private static final java.util.regex.Pattern PAIRS_FOUND = java.util.regex.Pattern
		.compile("\"pairsFound\"\\s*:\\s*(\\d+)");

	/** A finished duplicate scan: its status, seconds and pairs found. */
	record Scan(String status, double seconds, long pairsFound, String answer) {
	}

	/**
	 * Starts a full duplicate scan of {@code kind} through the API and waits for it
	 * (polled every second), timed from the request to the finished scan.
	 */
	Scan duplicateScan(String kind) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> created = this.http
			.send(request("/api/duplicates/scans").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"" + kind + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher id = RUN_ID.matcher(created.body());
		if (created.statusCode() != 202 || !id.find()) {
			return new Scan("REFUSED " + created.statusCode(), 0, 0, abbreviate(created.body()));
		}
		String status;
		String body;
		do {
			Thread.sleep(1000);
			body = get("/api/duplicates/scans/" + id.group(1)).body();
			java.util.regex.Matcher matcher = RUN_STATUS.matcher(body);
			status = matcher.find() ? matcher.group(1) : "UNKNOWN";
		}
		while (status.equals("QUEUED") || status.equals("RUNNING"));
		java.util.regex.Matcher pairs = PAIRS_FOUND.matcher(body);
		return new Scan(status, (System.nanoTime() - start) / 1e9, pairs.find() ? Long.parseLong(pairs.group(1)) : 0,
				abbreviate(body));
	}

	/**
	 * Lists the 20 slowest requests of a measurement in
	 * {@code target/bench/slowest-<name>.txt}, to see which queries make the tail.
	 */
	private static void writeSlowest(String name, List<String> paths, double[] millis) throws java.io.IOException {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < millis.length; i++) {
			order.add(i);
		}
		order.sort((a, b) -> Double.compare(millis[b], millis[a]));
		StringBuilder out = new StringBuilder();
		order.stream()
			.limit(20)
			.forEach(
					(i) -> out.append(String.format(java.util.Locale.ROOT, "%9.1f ms  %s%n", millis[i], paths.get(i))));
		java.nio.file.Path file = java.nio.file.Path.of("target", "bench",
				"slowest-" + name.replace(' ', '-') + ".txt");
		java.nio.file.Files.createDirectories(file.getParent());
		java.nio.file.Files.writeString(file, out);
	}

	/**
	 * POSTs the bodies {@code body} makes, from {@code clients} threads, for
	 * {@code seconds}; each thread sends its next request when the previous one answered.
	 */
	Throughput post(String name, String path, IntFunction<String> body, int clients, int seconds) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long began = System.nanoTime();
		AtomicLong sequence = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long[] perSecond = new long[seconds + 2];
		List<String> firstError = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<double[]>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				double[] mine = new double[1024];
				int n = 0;
				while (System.nanoTime() < end) {
					HttpRequest request = request(path).timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body.apply((int) sequence.incrementAndGet())))
						.build();
					long start = System.nanoTime();
					HttpResponse<String> response;
					try {
						response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
					}
					catch (IOException ex) {
						errors.incrementAndGet();
						synchronized (firstError) {
							if (firstError.isEmpty()) {
								firstError.add(ex.toString());
							}
						}
						continue;
					}
					long now = System.nanoTime();
					if (response.statusCode() / 100 == 2) {
						if (n == mine.length) {
							mine = Arrays.copyOf(mine, n * 2);
						}
						mine[n++] = (now - start) / 1e6;
						int second = (int) ((now - began) / 1_000_000_000L);
						synchronized (perSecond) {
							perSecond[Math.min(perSecond.length - 1, second)]++;
						}
					}
					else {
						errors.incrementAndGet();
						synchronized (firstError) {
							if (firstError.isEmpty()) {
								firstError.add(response.statusCode() + ": " + abbreviate(response.body()));
							}
						}
					}
				}
				return Arrays.copyOf(mine, n);
			}));
		}
		pool.shutdown();
		List<double[]> all = new ArrayList<>();
		for (Future<double[]> result : results) {
			all.add(result.get());
		}
		double elapsed = (System.nanoTime() - began) / 1e9;
		double[] millis = all.stream().flatMapToDouble(Arrays::stream).toArray();
		String error = firstError.isEmpty() ? "" : firstError.get(0);
		return new Throughput(name, clients, elapsed, millis.length, errors.get(), error,
				new Sample(name, millis, errors.get(), error), Arrays.copyOf(perSecond, seconds));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(this.timeout)
			.header("Authorization", this.authorization)
			.header("Accept", "application/json");
	}

	static Map<String, Object> summary(Sample sample) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", sample.name());
		row.put("requests", sample.millis().length);
		row.put("errors", sample.errors());
		row.put("p50Ms", round(sample.percentile(50)));
		row.put("p95Ms", round(sample.percentile(95)));
		row.put("p99Ms", round(sample.percentile(99)));
		row.put("maxMs", round(sample.percentile(100)));
		if (!sample.firstError().isEmpty()) {
			row.put("firstError", sample.firstError());
		}
		return row;
	}

	static double round(double value) {
		return Double.isNaN(value) ? -1 : Math.round(value * 10) / 10.0;
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "..." : text;
	}

}
