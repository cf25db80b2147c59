package org.outreachcrm.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.shared.CurrentScope;
import org.outreachcrm.shared.ScopeSql;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Splits a directory search into its statements on a real database: each statement's
 * milliseconds and SQL with its values, as {@link DirectorySearch} runs them (issue 20, a
 * measuring tool, not a test). Run: {@code java -cp <test class path>
 * org.outreachcrm.directory.SearchSplit <jdbc url> <file of API query strings> [repeats]}.
 */
final class SearchSplit {

	private SearchSplit() {
	}

	public static void main(String[] args) throws Exception {
		SingleConnectionDataSource data = new SingleConnectionDataSource(args[0], "root", "", true);
		int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		Timed jdbc = new Timed(data);
		CurrentScope all = new CurrentScope() {
			@Override
			public CountryScope get() {
				return CountryScope.everything();
			}

			@Override
			public void runAs(CountryScope scope, Runnable task) {
				task.run();
			}
		};
		DirectorySearch search = new DirectorySearch(jdbc, scopeSql(all),
				new DirectoryProperties(Integer.getInteger("countCap", 1000), Integer.getInteger("walkRows", 500),
						Integer.getInteger("peopleWalkRows", 20000)));
		if (args[1].startsWith("mix")) {
			mix(search, jdbc, args[1].substring(3));
			return;
		}
		for (String line : Files.readAllLines(Path.of(args[1]))) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			for (int r = 0; r < repeats; r++) {
				jdbc.log.clear();
				long start = System.nanoTime();
				long total = run(search, line);
				double ms = (System.nanoTime() - start) / 1e6;
				System.out.printf("%n== %s  run %d: %.1f ms, total %d%n", line, r + 1, ms, total);
				jdbc.log.forEach(System.out::println);
			}
		}
	}

	/**
	 * The scale benchmark's search mix (its first 1,000, the first 200 of them its
	 * warm-up), those on {@code which} ("contacts" or "organizations"): per statement
	 * kind the p50, p95 and sum of milliseconds, and the slowest requests split.
	 */
	private static void mix(DirectorySearch search, Timed jdbc, String which) throws ReflectiveOperationException {
		Class<?> type = Class.forName("org.outreachcrm.bench.ScaleQueries");
		var constructor = type.getDeclaredConstructor(long[].class, long[].class);
		constructor.setAccessible(true);
		Object queries = constructor.newInstance(new long[] { 1 }, new long[] { 1 });
		var searches = type.getDeclaredMethod("searches", int.class);
		searches.setAccessible(true);
		@SuppressWarnings("unchecked")
		List<String> all = (List<String>) searches.invoke(queries, 1000);
		Map<String, List<Double>> parts = new java.util.TreeMap<>();
		List<Object[]> requests = new ArrayList<>();
		for (String line : all) {
			if (!line.contains(which)) {
				continue;
			}
			jdbc.log.clear();
			jdbc.kinds.clear();
			long start = System.nanoTime();
			run(search, line);
			double ms = (System.nanoTime() - start) / 1e6;
			parts.computeIfAbsent("request", (k) -> new ArrayList<>()).add(ms);
			Map<String, Double> sums = new java.util.TreeMap<>();
			jdbc.kinds.forEach((kind) -> sums.merge((String) kind[0], (Double) kind[1], Double::sum));
			sums.forEach((kind, sum) -> parts.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(sum));
			requests.add(new Object[] { ms, line, sums, new ArrayList<>(jdbc.log) });
		}
		System.out.printf("%-10s %6s %8s %8s %8s %10s%n", "part", "n", "p50", "p95", "max", "sum");
		parts.forEach((kind, times) -> {
			List<Double> sorted = times.stream().sorted().toList();
			System.out.printf("%-10s %6d %8.1f %8.1f %8.1f %10.0f%n", kind, sorted.size(),
					sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
					sorted.get(sorted.size() - 1), sorted.stream().mapToDouble(Double::doubleValue).sum());
		});
		requests.sort((a, b) -> Double.compare((Double) b[0], (Double) a[0]));
		for (Object[] r : requests.subList(0, Math.min(Integer.getInteger("slowest", 15), requests.size()))) {
			System.out.printf("%8.1f ms  %s  %s%n", r[0], r[1], r[2]);
			if (Boolean.getBoolean("sql")) {
				((List<?>) r[3]).forEach(System.out::println);
			}
		}
	}

	private static ScopeSql scopeSql(CurrentScope scope) throws ReflectiveOperationException {
		var constructor = ScopeSql.class.getDeclaredConstructor(CurrentScope.class);
		constructor.setAccessible(true);
		return constructor.newInstance(scope);
	}

	private static long run(DirectorySearch search, String line) {
		String path = line.substring(0, line.indexOf('?'));
		Map<String, String> p = new java.util.HashMap<>();
		for (String pair : line.substring(line.indexOf('?') + 1).split("&")) {
			String[] kv = pair.split("=", 2);
			p.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
		}
		DirectoryQuery query = new DirectoryQuery(p.get("q"),
				p.containsKey("type") ? OrganizationType.valueOf(p.get("type")) : null, p.get("country"),
				p.containsKey("stage") ? PartnershipStage.valueOf(p.get("stage")) : null, p.get("tag"), null);
		PageRequest page = PageRequest.of(Integer.parseInt(p.getOrDefault("page", "0")),
				Integer.parseInt(p.getOrDefault("size", "20")));
		return path.endsWith("contacts") ? search.contacts(query, page).getTotalElements()
				: search.organizations(query, page).getTotalElements();
	}

	private static String kind(String sql) {
		if (sql.startsWith("SELECT COUNT(*)") || sql.endsWith("LIMIT :cap")) {
			return "count";
		}
		if (sql.contains(".id IN (:ids)")) {
			return "page-ids";
		}
		if (sql.contains("walked")) {
			return "walk";
		}
		if (sql.contains("contact_email WHERE position")) {
			return "emails";
		}
		if (sql.contains("_tag WHERE")) {
			return "tags";
		}
		if (sql.contains("FROM affiliation a JOIN organization o")) {
			return "orgs";
		}
		return "page";
	}

	/** Records each statement's time and SQL with its values. */
	static final class Timed extends NamedParameterJdbcTemplate {

		final List<String> log = new ArrayList<>();

		final List<Object[]> kinds = new ArrayList<>();

		Timed(javax.sql.DataSource data) {
			super(data);
		}

		private <T> T timed(String sql, Object params, java.util.function.Supplier<T> call) {
			long start = System.nanoTime();
			T result = call.get();
			double ms = (System.nanoTime() - start) / 1e6;
			String values = (params instanceof MapSqlParameterSource m) ? m.getValues().toString() : params.toString();
			this.log.add(String.format("  %8.1f ms  %s%n             %s", ms, sql, values));
			this.kinds.add(new Object[] { kind(sql), ms });
			return result;
		}

		@Override
		public <T> List<T> query(String sql, SqlParameterSource params, RowMapper<T> mapper)
				throws DataAccessException {
			return timed(sql, params, () -> super.query(sql, params, mapper));
		}

		@Override
		public void query(String sql, SqlParameterSource params, RowCallbackHandler handler)
				throws DataAccessException {
			timed(sql, params, () -> {
				super.query(sql, params, handler);
				return null;
			});
		}

		@Override
		public void query(String sql, Map<String, ?> params, RowCallbackHandler handler) throws DataAccessException {
			timed(sql, params, () -> {
				super.query(sql, new MapSqlParameterSource(params), handler);
				return null;
			});
		}

		@Override
		public <T> T queryForObject(String sql, SqlParameterSource params, Class<T> type) throws DataAccessException {
			return timed(sql, params, () -> super.queryForObject(sql, params, type));
		}

	}

}
