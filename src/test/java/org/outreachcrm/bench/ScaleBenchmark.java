package org.outreachcrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.outreachcrm.OutreachCrmApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale benchmark: fills the configured database with a realistic data set (200,000
 * organizations, 1,000,000 people, 2,000,000 interactions by default on MariaDB) through
 * the application's own bulk path, then starts the real application in its own JVM and
 * measures it through its HTTP API: directory search, list pages, timelines, and
 * interaction logging under concurrent load. Prints a table and writes
 * {@code target/bench/results.json} and {@code target/bench/results.html}.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:exec -Dbench.suite=scale -Dbench.db=mariadb
 * </pre>
 *
 * A database that already holds the requested sizes is reused; one holding something else
 * is refused unless {@code -Dbench.fresh=true} (drop and regenerate).
 */
public final class ScaleBenchmark {

	static final String ADMIN_PASSWORD = "Bench-Passw0rd-2026";

	private ScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = System.getProperty("bench.db", "mariadb");
		boolean h2 = "h2".equals(db);
		long organizations = Long.getLong("bench.organizations", h2 ? 20_000 : 200_000);
		long contacts = Long.getLong("bench.contacts", h2 ? 100_000 : 1_000_000);
		long interactions = Long.getLong("bench.interactions", h2 ? 200_000 : 2_000_000);
		int searches = Integer.getInteger("bench.searches", 1000);
		// logging runs, one per number of concurrent connections: the throughput a server
		// sustains needs enough of them to keep it busy (at 8 it waits on the client)
		List<Integer> connectionCounts = Arrays.stream(System.getProperty("bench.clients", "8,16").split(","))
			.map(String::strip)
			.filter((c) -> !c.isEmpty())
			.map(Integer::valueOf)
			.toList();
		int clients = connectionCounts.stream().mapToInt(Integer::intValue).max().orElse(8);
		int seconds = Integer.getInteger("bench.duration", 60);
		int warmUpSeconds = Integer.getInteger("bench.loggingWarmup", 10);
		int threads = Integer.getInteger("bench.threads", 2);
		String heap = System.getProperty("bench.heap", "512m");
		boolean fresh = Boolean.getBoolean("bench.fresh");
		Set<String> parts = parts(System.getProperty("bench.parts", ""));
		String database = System.getProperty("bench.database", "");
		if (database.isBlank()) {
			database = h2 ? "target/bench/h2-scale" : "crm_bench_scale";
		}
		Path out = Path.of("target/bench");
		Files.createDirectories(out);

		List<String> appArgs = applicationArguments(h2, database, out);
		if (fresh) {
			drop(h2, database);
		}
		Map<String, Object> machine = new LinkedHashMap<>();
		Map<String, Object> dataset = new LinkedHashMap<>();
		long[][] sample;
		String loadBefore = loadAverage();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutreachCrmApplication.class)
			// the security configuration needs a web context: one on a random port,
			// unused (an argument: application.yml's port 8080 would win over a default
			// property, and another application may hold 8080)
			.web(WebApplicationType.SERVLET)
			.run(withFreePort(appArgs))) {
			ScaleDataGenerator generator = new ScaleDataGenerator(context);
			long haveOrgs = generator.count("organization");
			long haveContacts = generator.count("contact");
			long haveInteractions = generator.count("interaction");
			boolean resume = Boolean.getBoolean("bench.resume");
			dataset.put("reused", haveOrgs > 0);
			if (haveOrgs == 0 || resume) {
				System.out.printf(Locale.ROOT,
						"Generating %,d organizations, %,d people, %,d interactions into %s %s%n", organizations,
						contacts, interactions, db, database);
				Instant start = Instant.now();
				List<Long> staff = generator.staff();
				// an interrupted run left whole chunks (each is one transaction): redo
				// the last few of each pass, whose records the bulk path finds and
				// leaves alone
				long from = resume ? Math.max(0, haveOrgs - 4_000) : 0;
				long fromPeople = resume ? Math.max(0, haveContacts * organizations / Math.max(1, contacts) - 4_000)
						: 0;
				if (haveOrgs < organizations || haveContacts < contacts) {
					generator.directory(from, fromPeople, organizations, contacts,
							Integer.getInteger("bench.chunk", 1000), threads);
				}
				double directorySeconds = seconds(start);
				Instant interactionStart = Instant.now();
				if (haveInteractions < interactions) {
					generator.interactions(interactions - haveInteractions, staff, Instant.now(),
							Integer.getInteger("bench.interactionChunk", 100_000));
				}
				dataset.put("directorySeconds", directorySeconds);
				dataset.put("interactionSeconds", seconds(interactionStart));
				// the report reads these counts instead of the interactions: a data set
				// whose counts disagree would make its figures meaningless
				generator.checkDayCounts();
				dataset.put("generation", generator.phases());
				dataset.put("loadAverageAfterGeneration", loadAverage());
			}
			else if (!"any".equals(System.getProperty("bench.reuse"))
					&& (haveOrgs != organizations || haveInteractions < interactions)) {
				throw new IllegalStateException("The database " + database + " holds " + haveOrgs
						+ " organizations and " + haveInteractions + " interactions, not the sizes asked for; "
						+ "pass -Dbench.fresh=true to drop and regenerate it");
			}
			else {
				System.out.println("Reusing the data set already in " + database);
			}
			for (String table : List.of("organization", "contact", "affiliation", "interaction",
					"organization_search_token", "contact_search_token", "contact_search_facet")) {
				dataset.put(table, generator.count(table));
			}
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			dataset.put("interaction_day_count", generator.count("interaction_day_count"));
			machine.put("database", h2 ? "H2 " + jdbc.queryForObject("SELECT H2VERSION()", String.class)
					: "MariaDB/MySQL " + jdbc.queryForObject("SELECT VERSION()", String.class));
			// what the figures depend on most (issue 20): whether the working set fits
			storage(jdbc, h2, database, machine, dataset);
			sample = sample(jdbc, 5000);
			if (parts.contains("home")) {
				generator.manager();
			}
		}
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryGb", memoryGigabytes());
		machine.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("appHeap", heap);
		machine.put("loadAverageBefore", loadBefore);

		ScaleQueries queries = new ScaleQueries(sample[0], sample[1]);
		int port = BenchApp.freePort();
		Process app = start(out, port, appArgs, heap);
		List<HttpLoad.Sample> latencies = new ArrayList<>();
		List<BenchReport.LoggingRun> logging = new ArrayList<>();
		HttpLoad load = new HttpLoad(port, "admin", ADMIN_PASSWORD, clients);
		try {
			machine.put("loadAverageAtMeasure", loadAverage());
			if (parts.contains("search")) {
				List<String> search = queries.searches(searches);
				List<String> orgSearch = search.stream().filter((p) -> p.startsWith("/api/organizations")).toList();
				List<String> contactSearch = search.stream().filter((p) -> p.startsWith("/api/contacts")).toList();
				// warm up the JIT and the database's buffers with a separate mix
				load.sequential("warm-up", new ScaleQueries(sample[0], sample[1]).searches(200), 0);
				HttpLoad.Sample organizationSearch = load.sequential("search organizations", orgSearch, 0);
				HttpLoad.Sample peopleSearch = load.sequential("search people", contactSearch, 0);
				latencies.add(merge("search (all)", organizationSearch, peopleSearch));
				latencies.add(organizationSearch);
				latencies.add(peopleSearch);
			}
			if (parts.contains("pages")) {
				latencies.add(load.sequential("timeline", queries.timelines(300), 20));
				latencies.add(load.sequential("organization list page", queries.organizationPages(300), 20));
				latencies.add(load.sequential("people list page", queries.contactPages(200), 20));
				latencies.add(load.sequential("interaction list (organization)", queries.interactionPages(200), 20));
			}
			if (parts.contains("home")) {
				// the page each role lands on, signed in through the login form as a
				// browser is (staff: their follow-ups, interactions and cold
				// organizations; manager: the last 30 days of every country; admin:
				// imports, deliveries, accounts)
				HomePageLoad home = new HomePageLoad(port);
				int times = Integer.getInteger("bench.homeRequests", 200);
				latencies.add(home.measure("home page: staff", "bench-staff-1", ScaleDataGenerator.STAFF_PASSWORD, 20,
						times));
				latencies.add(home.measure("home page: manager", ScaleDataGenerator.MANAGER,
						ScaleDataGenerator.STAFF_PASSWORD, 20, times));
				latencies.add(home.measure("home page: admin", "admin", ADMIN_PASSWORD, 20, times));
				// the managers' map and organizations per country, which the page asks
				// for after itself (htmx)
				latencies.add(home.measure("home page: manager's countries (after the page)", "/home/countries",
						ScaleDataGenerator.MANAGER, ScaleDataGenerator.STAFF_PASSWORD, 5, Math.max(10, times / 10)));
			}
			if (parts.contains("duplicates")) {
				// full duplicate scans through the API (issue 18: both in under 5 minutes
				// at full size), one kind after the other, as a person would start them
				for (String kind : List.of("ORGANIZATION", "CONTACT")) {
					long records = ((Number) dataset.get(kind.equals("ORGANIZATION") ? "organization" : "contact"))
						.longValue();
					String loadAtStart = loadAverage();
					HttpLoad.Scan scan = load.duplicateScan(kind);
					String line = String.format(Locale.ROOT,
							"duplicate scan %s: %s, %,d records in %.1f s = %.0f records/s, %,d pairs found; "
									+ "load average at start %s, at end %s",
							kind, scan.status(), records, scan.seconds(), records / Math.max(0.001, scan.seconds()),
							scan.pairsFound(), loadAtStart, loadAverage());
					System.out.println(line);
					dataset.put("duplicateScan" + kind, line);
				}
			}
			if (parts.contains("report")) {
				// the outreach activity report over every interaction generated (the last
				// two
				// years): one warm-up run, then two measured
				String body = "{\"type\":\"OUTREACH_ACTIVITY\",\"from\":\"" + LocalDate.now().minusYears(2).minusDays(1)
						+ "\",\"to\":\"" + LocalDate.now() + "\"}";
				load.reportRuns("report warm-up", body, 1);
				int gcLines = BenchApp.gcLogLines(out.resolve("scale-gc.log"));
				latencies.add(load.reportRuns("report: outreach activity, all interactions", body, 2));
				long peak = BenchApp.peakHeapMegabytes(out.resolve("scale-gc.log"), gcLines);
				dataset.put("reportPeakHeapMb", (peak > 0) ? peak : "no collection during the runs");
			}
			if (parts.contains("logging")) {
				Optional<WrkLoad> wrk = WrkLoad.find(System.getProperty("bench.loadGenerator", "auto"), out, port,
						"admin", ADMIN_PASSWORD);
				int wrkThreads = Integer.getInteger("bench.wrkThreads", 1);
				if (wrk.isPresent()) {
					machine.put("loadGenerator", wrk.get().version() + ", " + wrkThreads + " thread(s)");
					wrk.get().post("logging warm-up", sample[0], sample[1], 1, clients, wrkThreads, warmUpSeconds);
				}
				else {
					machine.put("loadGenerator", "JDK HttpClient, " + clients + " threads");
					load.post("logging warm-up", "/api/interactions", queries::interaction, clients, warmUpSeconds);
				}
				int first = 1_000_000;
				for (int connections : connectionCounts) {
					String name = "log interaction (POST), " + connections + " connections";
					CpuMeter cpu = CpuMeter.start(app.pid());
					int from = first;
					HttpLoad.Throughput run = wrk.isPresent()
							? wrk.get().post(name, sample[0], sample[1], from, connections, wrkThreads, seconds)
							: load.post(name, "/api/interactions", (n) -> queries.interaction(n + from), connections,
									seconds);
					logging.add(new BenchReport.LoggingRun(run, cpu.perRequest(run.ok() + run.errors())));
					first += 10_000_000;
				}
			}
			machine.put("loadAverageAfter", loadAverage());
		}
		finally {
			load.printSlowest(20);
			BenchApp.stop(app);
		}
		List<ImportBenchmark.Result> imports = List.of();
		if (parts.contains("import")) {
			// partner lists imported through the API by an application of their own, into
			// a
			// database of their own (the data set above stays as generated), each format
			// into an empty one, after a first import that warms the application up
			imports = ImportBenchmark
				.run(new ImportBenchmark.Settings(h2 ? "h2" : "mariadb", heap, h2 ? database : database + "_import",
						ImportBenchmark.sizes(System.getProperty("bench.rows", h2 ? "100000" : "100000,1000000")),
						List.of(System.getProperty("bench.formats", "xlsx,csv").split(",")),
						Integer.getInteger("bench.warmup", 100_000), true));
			machine.put("loadAverageAfterImports", loadAverage());
		}
		BenchReport report = new BenchReport(db, machine, dataset, latencies, logging, imports);
		report.print();
		report.write(out);
		System.exit(0);
	}

	private static String[] withFreePort(List<String> appArgs) {
		List<String> args = new ArrayList<>(appArgs);
		args.add("--server.port=0");
		return args.toArray(String[]::new);
	}

	private static Set<String> parts(String value) {
		Set<String> all = Set.of("search", "pages", "home", "report", "logging", "import", "duplicates");
		if (value.isBlank()) {
			return all;
		}
		Set<String> parts = new HashSet<>();
		for (String part : value.split(",")) {
			String name = part.strip().toLowerCase(Locale.ROOT);
			if (!all.contains(name)) {
				throw new IllegalArgumentException("Unknown bench.parts " + name + "; use " + all);
			}
			parts.add(name);
		}
		return parts;
	}

	/**
	 * The database server's buffer pool (MariaDB/MySQL) and the data set's size on disk:
	 * InnoDB's data and index pages of the schema's tables (information_schema), or the
	 * H2 file.
	 */
	private static void storage(JdbcTemplate jdbc, boolean h2, String database, Map<String, Object> machine,
			Map<String, Object> dataset) throws Exception {
		if (h2) {
			Path file = Path.of(database, "outreach-crm.mv.db");
			if (Files.exists(file)) {
				dataset.put("sizeOnDiskMb", Files.size(file) / (1024 * 1024));
			}
			return;
		}
		Long pool = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
		machine.put("bufferPoolMb", pool == null ? null : pool / (1024 * 1024));
		jdbc.query("""
				SELECT SUM(data_length), SUM(index_length) FROM information_schema.TABLES
				 WHERE table_schema = DATABASE()""", (java.sql.ResultSet rs) -> {
			long data = rs.getLong(1);
			long index = rs.getLong(2);
			dataset.put("sizeOnDiskMb", (data + index) / (1024 * 1024));
			dataset.put("dataMb", data / (1024 * 1024));
			dataset.put("indexMb", index / (1024 * 1024));
		});
	}

	private static List<String> applicationArguments(boolean h2, String database, Path out) {
		List<String> args = new ArrayList<>(List.of("--crm.accounts.initial-admin.username=admin",
				"--crm.accounts.initial-admin.password=" + ADMIN_PASSWORD,
				"--crm.imports.inbox-dir=" + out.resolve("scale-inbox").toAbsolutePath(),
				"--crm.imports.storage-dir=" + out.resolve("scale-uploads").toAbsolutePath(),
				"--logging.level.root=WARN",
				// the split of each duplicate scan step's time, in scale-app.log
				"--logging.level.org.outreachcrm.duplicates=INFO",
				// scans are measured as a person starts them, through the API (a fresh
				// data
				// set has no blocking keys, which would start them at start-up)
				"--crm.duplicates.scan-on-start-up=false"));
		if (h2) {
			// named explicitly: the test class path's config/application.yml points at an
			// in-memory database
			Path folder = Path.of(database).toAbsolutePath();
			args.add("--crm.data-dir=" + folder);
			args.add("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("outreach-crm")
					+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=FALSE");
			args.add("--spring.datasource.username=sa");
			args.add("--spring.datasource.password=");
		}
		else {
			// the production profile (docs/deployment.md), with its Connector/J settings
			args.add("--spring.profiles.active=mysql");
			args.add("--crm.data-dir=" + out.resolve("scale-data").toAbsolutePath());
			args.add("--spring.datasource.url=" + mariadbUrl(database));
			args.add("--spring.datasource.username=" + System.getProperty("bench.db.user", "root"));
			args.add("--spring.datasource.password=" + System.getProperty("bench.db.password", ""));
		}
		return args;
	}

	private static String mariadbUrl(String database) {
		return "jdbc:mysql://" + System.getProperty("bench.db.host", "127.0.0.1:3306") + "/" + database
				+ "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
				+ "&rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true"
				// the test class path holds OpenTelemetry (Selenium's), which Connector/J
				// would then trace every statement with; the product has none
				+ "&openTelemetry=DISABLED";
	}

	private static void drop(boolean h2, String database) throws Exception {
		if (h2) {
			try (var files = Files.list(Files.createDirectories(Path.of(database)))) {
				for (Path file : files.toList()) {
					if (file.getFileName().toString().startsWith("outreach-crm")) {
						Files.delete(file);
					}
				}
			}
			return;
		}
		try (Connection connection = DriverManager.getConnection(
				"jdbc:mysql://" + System.getProperty("bench.db.host", "127.0.0.1:3306")
						+ "/?useSSL=false&allowPublicKeyRetrieval=true",
				System.getProperty("bench.db.user", "root"), System.getProperty("bench.db.password", ""));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
	}

	/**
	 * Up to {@code n} organizations spread over the data set, each with one of its
	 * people.
	 */
	private static long[][] sample(JdbcTemplate jdbc, int n) {
		Long affiliations = jdbc.queryForObject("SELECT COUNT(*) FROM affiliation", Long.class);
		long step = Math.max(1, (affiliations == null ? 0 : affiliations) / n);
		List<long[]> rows = jdbc.query(
				"SELECT organization_id, contact_id FROM affiliation WHERE MOD(id, " + step + ") = 0 ORDER BY id",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) });
		long[][] sample = new long[2][rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			sample[0][i] = rows.get(i)[0];
			sample[1][i] = rows.get(i)[1];
		}
		return sample;
	}

	private static Process start(Path out, int port, List<String> appArgs, String heap) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"-Xlog:gc:file=" + out.resolve("scale-gc.log").toAbsolutePath()));
		if (Boolean.getBoolean("bench.jfr")) {
			// a request's stack is deeper than JFR's default 64 frames (filters, proxies,
			// Hibernate): truncated stacks would hide which request step a sample is in
			command.add("-XX:FlightRecorderOptions:stackdepth=256");
			command.add("-XX:StartFlightRecording=filename=" + out.resolve("scale.jfr").toAbsolutePath()
					+ ",settings=profile");
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.outreachcrm.OutreachCrmApplication",
				"--server.port=" + port));
		command.addAll(appArgs);
		Process process = BenchApp.launch(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(out.resolve("scale-app.log").toFile()));
		HttpLoad probe = new HttpLoad(port, "admin", ADMIN_PASSWORD, 1);
		// up to 10 minutes: on a 2-core machine shared with builds the application took
		// over 300 s to start (session 9), and a run that generated for many minutes is
		// not to end before measuring because of an impatient probe
		return BenchApp.awaitReady(process, 1200, out.resolve("scale-app.log"),
				() -> probe.get("/actuator/health").statusCode() == 200);
	}

	private static HttpLoad.Sample merge(String name, HttpLoad.Sample a, HttpLoad.Sample b) {
		double[] all = new double[a.millis().length + b.millis().length];
		System.arraycopy(a.millis(), 0, all, 0, a.millis().length);
		System.arraycopy(b.millis(), 0, all, a.millis().length, b.millis().length);
		return new HttpLoad.Sample(name, all, a.errors() + b.errors(),
				a.firstError().isEmpty() ? b.firstError() : a.firstError());
	}

	private static double seconds(Instant start) {
		return Duration.between(start, Instant.now()).toMillis() / 1000.0;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long memoryGigabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return Runtime.getRuntime().maxMemory() >> 30;
	}

}
