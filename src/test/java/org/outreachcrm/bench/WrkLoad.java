package org.outreachcrm.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Interaction logging driven by {@code wrk} (Debian package {@code wrk}) with a Lua
 * script: a load generator in C with one event loop, which costs a fraction of the CPU of
 * the JDK {@code HttpClient} on the same cores. Every request is a real
 * {@code POST /api/interactions} whose body the script makes from a counter, the same
 * bodies {@link ScaleQueries#interaction} makes: an organization of the sample, one of
 * its people, and a time and subject that change with the counter.
 *
 * <p>
 * wrk reports its latency histogram as percentiles; the {@link HttpLoad.Sample} built
 * from them holds one value per request spread over 1,000 quantiles (every 0.1 %), so
 * p50/p95/p99 read as usual.
 */
final class WrkLoad {

	private static final int QUANTILES = 1000;

	private final Path wrk;

	private final Path work;

	private final int port;

	private final String authorization;

	private WrkLoad(Path wrk, Path work, int port, String username, String password) {
		this.wrk = wrk;
		this.work = work;
		this.port = port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The wrk driver if {@code choice} allows it and wrk is found ({@code bench.wrk},
	 * else on the PATH); empty means: use the JDK client.
	 */
	static Optional<WrkLoad> find(String choice, Path work, int port, String username, String password) {
		if (choice.equals("jdk")) {
			return Optional.empty();
		}
		Optional<Path> wrk = locate();
		if (wrk.isEmpty() && choice.equals("wrk")) {
			throw new IllegalStateException("bench.loadGenerator=wrk, but no wrk was found (apt-get install wrk)");
		}
		if (wrk.isEmpty()) {
			System.out.println("wrk not found: interaction logging is driven by the JDK HttpClient");
		}
		return wrk.map((w) -> new WrkLoad(w, work, port, username, password));
	}

	private static Optional<Path> locate() {
		String configured = System.getProperty("bench.wrk", "");
		if (!configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "wrk");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * POSTs interactions for {@code seconds} over {@code connections} kept-alive
	 * connections from {@code threads} wrk threads; the counter of the bodies starts at
	 * {@code firstBody}. The wrk process has ended (and been reaped) when this returns,
	 * so its CPU time counts in this JVM's children.
	 */
	HttpLoad.Throughput post(String name, long[] organizations, long[] contacts, long firstBody, int connections,
			int threads, int seconds) throws IOException, InterruptedException {
		Path script = this.work.resolve("logging.lua");
		Files.writeString(script, script(organizations, contacts, firstBody, Math.min(threads, connections)));
		Path out = this.work.resolve("logging-wrk.txt");
		Files.deleteIfExists(out);
		List<String> command = List.of(this.wrk.toString(), "-t", Integer.toString(Math.min(threads, connections)),
				"-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "30s", "-s", script.toString(),
				"http://127.0.0.1:" + this.port + "/api/interactions");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("logging-wrk.log").toFile());
		builder.environment().put("BENCH_WRK_OUT", out.toString());
		builder.environment().put("BENCH_WRK_AUTH", this.authorization);
		Process process = builder.start();
		if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("wrk did not stop; see " + this.work.resolve("logging-wrk.log"));
		}
		if (process.exitValue() != 0 || !Files.exists(out)) {
			throw new IllegalStateException(
					"wrk failed (exit " + process.exitValue() + "); see " + this.work.resolve("logging-wrk.log"));
		}
		return parse(name, connections, seconds, Files.readAllLines(out));
	}

	/** Reads what the script's {@code done()} wrote: one "key value..." per line. */
	static HttpLoad.Throughput parse(String name, int connections, int seconds, List<String> lines) {
		long requests = 0;
		double durationSeconds = seconds;
		long errors = 0;
		String firstError = "";
		double[] quantiles = new double[QUANTILES];
		TreeMap<Long, Long> bySecond = new TreeMap<>();
		for (String line : lines) {
			String[] f = line.split(" ", 3);
			switch (f[0]) {
				case "requests" -> requests = Long.parseLong(f[1]);
				case "duration_us" -> durationSeconds = Long.parseLong(f[1]) / 1e6;
				case "errors" -> errors += Long.parseLong(f[1]);
				case "first_error" -> firstError = (f.length > 2) ? f[1] + " " + f[2] : f[1];
				case "q" -> quantiles[Integer.parseInt(f[1]) - 1] = Long.parseLong(f[2]) / 1000.0;
				case "second" -> bySecond.merge(Long.parseLong(f[1]), Long.parseLong(f[2]), Long::sum);
				default -> {
					// unknown lines are ignored
				}
			}
		}
		// wrk counts non-2xx answers among its requests
		long ok = Math.max(0, requests - errors);
		double[] millis = new double[(int) Math.min(ok, Integer.MAX_VALUE - 8)];
		for (int i = 0; i < millis.length; i++) {
			millis[i] = quantiles[(int) ((long) i * QUANTILES / millis.length)];
		}
		long[] perSecond = new long[seconds];
		if (!bySecond.isEmpty()) {
			long first = bySecond.firstKey();
			bySecond.forEach((second, count) -> {
				int index = (int) (second - first);
				if (index < perSecond.length) {
					perSecond[index] += count;
				}
			});
		}
		HttpLoad.Sample sample = new HttpLoad.Sample(name, millis, errors, firstError);
		return new HttpLoad.Throughput(name + " [wrk]", connections, durationSeconds, ok, errors, firstError, sample,
				perSecond);
	}

	/**
	 * The Lua script: the sample as two arrays, a request function that formats the n-th
	 * body, a response function that counts answers per second and keeps the first error,
	 * and a done function that writes the figures to {@code $BENCH_WRK_OUT}.
	 */
	static String script(long[] organizations, long[] contacts, long firstBody, int threads) {
		StringBuilder lua = new StringBuilder(organizations.length * 20 + 4096);
		lua.append("-- written by org.outreachcrm.bench.WrkLoad\n");
		lua.append("local orgs = {");
		for (int i = 0; i < organizations.length; i++) {
			lua.append(i == 0 ? "" : ",").append(organizations[i]);
		}
		lua.append("}\nlocal people = {");
		for (int i = 0; i < contacts.length; i++) {
			lua.append(i == 0 ? "" : ",").append(contacts[i]);
		}
		lua.append("}\n");
		lua.append(String.format(Locale.ROOT, "local first = %d%nlocal step = %d%n", firstBody, threads));
		lua.append("""
				local threads = {}
				local next_id = 0
				function setup(thread)
				  thread:set("id", next_id)
				  next_id = next_id + 1
				  table.insert(threads, thread)
				end
				local headers = {
				  ["Authorization"] = os.getenv("BENCH_WRK_AUTH"),
				  ["Content-Type"] = "application/json",
				  ["Accept"] = "application/json"
				}
				local count = 0
				per_second = {}
				first_error = ""
				local body = '{"organizationId":%d,"contactIds":[%d],"type":"CALL",' ..
				  '"occurredAt":"2026-11-%02dT%02d:%02d:00Z","timeZone":"Europe/Warsaw","direction":"OUTBOUND",' ..
				  '"subject":"Rozmowa o kampanii %d",' ..
				  '"summary":"Zaproszenie na spotkanie regionalne; follow-up w przyszłym tygodniu."}'
				function request()
				  local n = first + count * step + id
				  count = count + 1
				  local pick = (n * 7919) % #orgs + 1
				  return wrk.format("POST", nil, headers, string.format(body, orgs[pick], people[pick],
				    1 + n % 20, 8 + n % 10, n % 60, n))
				end
				function response(status, hdrs, text)
				  if status < 300 then
				    local s = os.time()
				    per_second[s] = (per_second[s] or 0) + 1
				  elseif first_error == "" then
				    first_error = status .. ": " .. string.sub(text or "", 1, 300):gsub("\\n", " ")
				  end
				end
				function done(summary, latency, requests)
				  local out = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
				  out:write(string.format("requests %d\\n", summary.requests))
				  out:write(string.format("duration_us %d\\n", summary.duration))
				  local e = summary.errors
				  out:write(string.format("errors %d\\n", e.status + e.connect + e.read + e.write + e.timeout))
				  for i = 1, 1000 do
				    out:write(string.format("q %d %d\\n", i, latency:percentile(i / 10)))
				  end
				  for _, t in ipairs(threads) do
				    for s, n in pairs(t:get("per_second")) do
				      out:write(string.format("second %d %d\\n", s, n))
				    end
				    local fe = t:get("first_error")
				    if fe ~= "" then
				      out:write("first_error " .. fe .. "\\n")
				    end
				  end
				  if e.connect + e.read + e.write + e.timeout > 0 then
				    out:write(string.format("first_error socket errors: connect %d, read %d, write %d, timeout %d\\n",
				      e.connect, e.read, e.write, e.timeout))
				  end
				  out:close()
				end
				""");
		return lua.toString();
	}

	/** For a report: the wrk command's version line. */
	String version() {
		try {
			Process p = new ProcessBuilder(this.wrk.toString(), "--version").redirectErrorStream(true).start();
			String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			String line = text.lines().findFirst().orElse("wrk").strip();
			int copyright = line.indexOf(" Copyright");
			return (copyright > 0) ? line.substring(0, copyright) : line;
		}
		catch (IOException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return "wrk";
		}
	}

}
