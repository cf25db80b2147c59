package org.outreachcrm.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.outreachcrm.accounts.NewUser;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.directory.bulk.BulkSession;
import org.outreachcrm.directory.bulk.DirectoryImport;
import org.outreachcrm.directory.bulk.DirectoryRow;
import org.outreachcrm.directory.bulk.ImportMode;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionDayCounts;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.shared.BulkInsert;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database of a running (non-web) application context: organizations, people
 * and affiliations through the directory's own bulk path (so names are folded and search
 * tokens written as an import would), staff users through the accounts service, and
 * interactions with JDBC batches whose ids come from {@code id_sequence}, as the
 * interaction entity's generator takes them.
 */
final class ScaleDataGenerator {

	static final int STAFF = 24;

	static final String STAFF_PASSWORD = "Bench-Staff-Passw0rd-2026";

	/** The manager the home part signs in as ({@link #STAFF_PASSWORD}). */
	static final String MANAGER = "bench-manager";

	private static final String[] SUBJECTS = { "Rozmowa o kampanii", "Call about the regional summit",
			"Întâlnire de coordonare", "Einladung zum Netzwerktreffen", "Suivi de la pétition",
			"Reunión sobre la campaña", "Convite para o encontro", "Kampanya görüşmesi", "Дзвінок щодо партнерства",
			"Συνάντηση συντονισμού", "اجتماع التنسيق", "שיחת תיאום", "协调会议", "打ち合わせ", "समन्वय बैठक",
			"ประชุมประสานงาน" };

	private final ConfigurableApplicationContext context;

	private final JdbcTemplate jdbc;

	private final PlatformTransactionManager transactions;

	ScaleDataGenerator(ConfigurableApplicationContext context) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.transactions = context.getBean(PlatformTransactionManager.class);
	}

	long count(String table) {
		Long n = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return n == null ? 0 : n;
	}

	/** Creates the staff users interactions are spread over; returns their ids. */
	List<Long> staff() {
		UserAccounts users = this.context.getBean(UserAccounts.class);
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= STAFF; i++) {
			int n = i;
			String username = "bench-staff-" + n;
			Long id = users.findByUsername(username)
				.map((u) -> u.id())
				.orElseGet(() -> users
					.create(new NewUser(username, STAFF_PASSWORD, "Staff " + n, null, Set.of(Role.STAFF), Set.of()))
					.id());
			ids.add(id);
		}
		return ids;
	}

	/**
	 * The manager the home part signs in as (all countries), created if missing: a data
	 * set generated before the home part existed has none.
	 */
	void manager() {
		UserAccounts users = this.context.getBean(UserAccounts.class);
		if (users.findByUsername(MANAGER).isEmpty()) {
			users.create(new NewUser(MANAGER, STAFF_PASSWORD, "Bench Manager", null, Set.of(Role.MANAGER), Set.of()));
		}
	}

	/**
	 * Writes the directory of a data set of {@code organizations} organizations with
	 * {@code contacts} people spread over them, in chunks of about {@code chunkRows} rows
	 * on {@code threads} threads, in two passes through the directory's bulk path: first
	 * the organizations (from {@code fromOrganization}), whose stages are then set, then
	 * the people and their affiliations (of the organizations from {@code fromPeople}).
	 * <p>
	 * Why two passes: people's search tokens carry their organization's stage (V100) in
	 * their primary key. Written in one pass, people were indexed as prospects (what an
	 * import creates) and a set-based {@code UPDATE} of millions of token rows moved them
	 * afterwards (a delete and an insert in the clustered index each, over 7 minutes at
	 * full size with a stock buffer pool). Written after the stages, the bulk path reads
	 * each organization's stage and indexes its people with it, as it would for any
	 * import into a grown directory; the rows are the same, and the generator no longer
	 * knows the token tables' layout.
	 */
	void directory(long fromOrganization, long fromPeople, long organizations, long contacts, int chunkRows,
			int threads) throws Exception {
		DirectoryImport writer = this.context.getBean(DirectoryImport.class);
		Phase phase = Phase.start("organizations");
		long written = chunks(fromOrganization, organizations, chunkRows, threads, "organizations", (o) -> {
			List<DirectoryRow> rows = new ArrayList<>(1);
			rows.add(ScaleData.organizationRow(o));
			return rows;
		}, writer);
		phase.end(written);
		phase = Phase.start("organization stages");
		// imports create prospects; a grown directory has every stage
		int staged = this.jdbc.update("""
				UPDATE organization SET stage = CASE MOD(id, 7) WHEN 0 THEN 'CONTACTED' WHEN 1 THEN 'ENGAGED'
				  WHEN 2 THEN 'PARTNER' WHEN 3 THEN 'DORMANT' WHEN 4 THEN 'CONTACTED' ELSE 'PROSPECT' END""");
		phase.end(staged);
		phase = Phase.start("people and affiliations");
		long perChunk = Math.max(1, chunkRows * organizations / Math.max(organizations, contacts));
		written = chunks(fromPeople, organizations, perChunk, threads, "people", (o) -> {
			long first = o * contacts / organizations;
			long last = (o + 1) * contacts / organizations;
			// an organization without people was written whole by the first pass
			return (last == first) ? List.of() : ScaleData.rows(o, first, last - first);
		}, writer);
		phase.end(written);
	}

	/**
	 * Writes the rows of organizations {@code from} to {@code to} in chunks of
	 * {@code perChunk} organizations on {@code threads} threads; returns the rows
	 * written.
	 */
	private long chunks(long from, long to, long perChunk, int threads, String what,
			java.util.function.LongFunction<List<DirectoryRow>> rowsOf, DirectoryImport writer) throws Exception {
		AtomicLong next = new AtomicLong(from);
		AtomicLong rowsDone = new AtomicLong();
		Instant start = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			work.add(pool.submit(() -> {
				long first;
				while ((first = next.getAndAdd(perChunk)) < to) {
					List<DirectoryRow> rows = new ArrayList<>();
					for (long o = first; o < Math.min(to, first + perChunk); o++) {
						rows.addAll(rowsOf.apply(o));
					}
					if (!rows.isEmpty()) {
						write(writer, rows);
					}
					long done = rowsDone.addAndGet(rows.size());
					if (first / perChunk % 40 == 0) {
						progress(what, first - from, to - from, start);
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> future : work) {
			future.get();
		}
		return rowsDone.get();
	}

	/**
	 * Writes one chunk; two writers may deadlock on the foreign keys' locks, and the
	 * loser (rolled back whole) simply tries again.
	 */
	private static void write(DirectoryImport writer, List<DirectoryRow> rows) {
		for (int attempt = 1;; attempt++) {
			try {
				writer.write(rows, ImportMode.CREATE_ONLY, BulkSession.real(), "bench");
				return;
			}
			catch (org.springframework.dao.PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Writes {@code total} interactions spread over the last two years, the organizations
	 * and the staff, each with one of the organization's people.
	 * <p>
	 * The way the database loads fastest once the tables outgrow its buffer pool (issue
	 * 20: inserted in batches with all their indexes, 2,000,000 interactions slowed from
	 * 9,000 to 1,200 a second on a 128 MB pool, 1,705 s in all): on MySQL/MariaDB the
	 * secondary indexes of {@code interaction} and {@code interaction_contact} are
	 * dropped first (their definitions read from {@code information_schema}, whatever the
	 * migrations made), the rows go in primary-key order through the application's own
	 * {@link BulkInsert} ({@code LOAD DATA LOCAL INFILE} from its folder, refused on any
	 * warning or missing row) in chunks of {@code chunk}, and the indexes are built
	 * afterwards by sorting, one {@code ALTER TABLE} per table, and checked to be exactly
	 * the ones dropped. The activity report's daily counts are then recounted from the
	 * interactions by {@link InteractionDayCounts#rebuild} (the product's own rules and
	 * code), and the per-organization dates set-based. The rows are the ones the batches
	 * wrote: the same random sequence, ids in order from one reservation, times in whole
	 * seconds as Connector/J sent them.
	 */
	void interactions(long total, List<Long> staff, Instant now, int chunk) {
		long[][] pairs = affiliations();
		String[] countries = countries(pairs[0]);
		Random random = new Random(7);
		long twoYears = Duration.ofDays(730).toSeconds();
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		InteractionType[] types = InteractionType.values();
		InteractionDayCounts counts = this.context.getBean(InteractionDayCounts.class);
		BulkInsert bulk = this.context.getBean(BulkInsert.class);
		boolean mysql = isMySql();
		Phase phase = Phase.start("interaction indexes dropped");
		List<TableIndexes> dropped = new ArrayList<>();
		if (mysql) {
			for (String table : List.of("interaction", "interaction_contact")) {
				dropped.add(dropSecondaryIndexes(table));
			}
		}
		phase.end(dropped.stream().mapToLong((d) -> d.indexes().size()).sum());
		try {
			phase = Phase.start("interactions loaded");
			long first = reserve("interaction", total);
			Instant start = Instant.now();
			for (long done = 0; done < total; done += chunk) {
				int n = (int) Math.min(chunk, total - done);
				List<Object[]> rows = new ArrayList<>(n);
				List<Object[]> links = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					// the calls on random in the order the batches made them
					int pick = random.nextInt(pairs[0].length);
					long organization = pairs[0][pick];
					ScaleData.Country c = ScaleData.country(organization);
					LocalDateTime at = LocalDateTime
						.ofInstant(now.minusSeconds((long) (random.nextDouble() * twoYears)), ZoneOffset.UTC)
						.truncatedTo(ChronoUnit.SECONDS);
					long id = first + done + i;
					String staffName = "bench-staff-" + (1 + random.nextInt(staff.size()));
					rows.add(new Object[] { id, organization, countries[pick],
							types[random.nextInt(types.length)].name(), at, c.zone(),
							(random.nextInt(3) == 0 ? Direction.INBOUND : Direction.OUTBOUND).name(),
							SUBJECTS[random.nextInt(SUBJECTS.length)],
							"Talked about the next campaign and who attends the regional meeting.",
							staff.get(random.nextInt(staff.size())), at, staffName, at, staffName });
					links.add(new Object[] { id, pairs[1][pick] });
				}
				tx.executeWithoutResult((status) -> {
					bulk.insert("interaction", INTERACTION_COLUMNS, Map.of("version", "0"), rows);
					bulk.insert("interaction_contact", List.of("interaction_id", "contact_id"), links);
				});
				progress("interactions", done + n, total, start);
			}
			phase.end(total);
		}
		finally {
			phase = Phase.start("interaction indexes built");
			for (TableIndexes table : dropped) {
				recreate(table);
			}
			// the indexes now cover the table's rows (no COUNT(*) here: on a cold pool it
			// reads a whole index again)
			phase.end(total);
		}
		phase = Phase.start("daily counts rebuilt");
		tx.executeWithoutResult((status) -> counts.rebuild());
		phase.end(count("interaction_day_count"));
		phase = Phase.start("outreach_organization");
		// what the outreach module keeps per organization for "going cold"
		this.jdbc.update("DELETE FROM outreach_organization");
		int known = this.jdbc.update("""
				INSERT INTO outreach_organization (organization_id, known_since, last_interaction_at)
				SELECT o.id, o.created_at, (SELECT MAX(i.occurred_at) FROM interaction i WHERE i.organization_id = o.id)
				FROM organization o""");
		phase.end(known);
	}

	private static final List<String> INTERACTION_COLUMNS = List.of("id", "organization_id", "country", "type",
			"occurred_at", "time_zone", "direction", "subject", "summary", "staff_id", "created_at", "created_by",
			"updated_at", "updated_by");

	/**
	 * Checks that {@code interaction_day_count} holds exactly what a {@code GROUP BY}
	 * over the interactions gives (per UTC day and month, country, campaign, by type and
	 * by staff member, as {@link InteractionDayCounts} defines them); throws otherwise.
	 * The grouping is done here over one streamed scan of the interactions: a
	 * {@code GROUP BY} in the server has nearly one group per interaction at this grain
	 * and spills its temporary table to disk (as slow as the rebuild it checks). Rows of
	 * the table counting zero (left by an uncount) are equal to absent ones.
	 */
	void checkDayCounts() {
		Phase phase = Phase.start("daily counts checked");
		Map<String, Long> expected = new HashMap<>();
		JdbcTemplate streaming = new JdbcTemplate(java.util.Objects.requireNonNull(this.jdbc.getDataSource()));
		if (isMySql()) {
			// Connector/J streams a result row by row only with this fetch size
			streaming.setFetchSize(Integer.MIN_VALUE);
		}
		long[] rows = { 0 };
		streaming.query("""
				SELECT CAST(occurred_at AS DATE), COALESCE(country, ''), COALESCE(campaign_id, 0), type, staff_id
				  FROM interaction""", (ResultSet rs) -> {
			LocalDate day = rs.getObject(1, LocalDate.class);
			String rest = "|" + rs.getString(2) + "|" + rs.getLong(3) + "|";
			String type = rs.getString(4);
			String staffId = Long.toString(rs.getLong(5));
			LocalDate month = day.withDayOfMonth(1);
			expected.merge("T|" + day + rest + type, 1L, Long::sum);
			expected.merge("S|" + day + rest + staffId, 1L, Long::sum);
			expected.merge("M|" + month + rest + type, 1L, Long::sum);
			expected.merge("N|" + month + rest + staffId, 1L, Long::sum);
			rows[0]++;
		});
		Map<String, Long> stored = new HashMap<>();
		this.jdbc.query("""
				SELECT dimension, occurred_on, country, campaign_id, item, interactions FROM interaction_day_count
				 WHERE interactions <> 0""", (ResultSet rs) -> {
			stored.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3) + "|"
					+ rs.getLong(4) + "|" + rs.getString(5), rs.getLong(6));
		});
		if (!expected.equals(stored)) {
			List<String> differences = new ArrayList<>();
			Set<String> keys = new java.util.TreeSet<>(expected.keySet());
			keys.addAll(stored.keySet());
			for (String key : keys) {
				if (!java.util.Objects.equals(expected.get(key), stored.get(key)) && differences.size() < 10) {
					differences.add(key + ": interactions " + expected.get(key) + ", counted " + stored.get(key));
				}
			}
			throw new IllegalStateException("interaction_day_count differs from the " + rows[0] + " interactions ("
					+ expected.size() + " rows expected, " + stored.size() + " stored), e.g. " + differences);
		}
		phase.end(rows[0]);
	}

	private boolean isMySql() {
		String product = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		return product != null && (product.contains("MySQL") || product.contains("MariaDB"));
	}

	/** A table's secondary indexes as information_schema describes them. */
	private record TableIndexes(String table, List<IndexDefinition> indexes) {
	}

	/** One secondary index: its name, whether unique, and its columns in order. */
	private record IndexDefinition(String name, boolean unique, String type, List<String> columns) {

		String clause() {
			String kind = "FULLTEXT".equals(this.type) ? "FULLTEXT INDEX"
					: "SPATIAL".equals(this.type) ? "SPATIAL INDEX" : this.unique ? "UNIQUE INDEX" : "INDEX";
			return "ADD " + kind + " `" + this.name + "` (" + String.join(", ", this.columns) + ")";
		}

	}

	/**
	 * The secondary indexes of {@code table} in the table's own order (information_schema
	 * lists them as the table defines them; sorting by name would re-create them in
	 * another order, and {@code SHOW CREATE TABLE} would differ).
	 */
	private List<IndexDefinition> secondaryIndexes(String table) {
		Map<String, IndexDefinition> indexes = new java.util.LinkedHashMap<>();
		Map<String, java.util.SortedMap<Integer, String>> columns = new HashMap<>();
		this.jdbc.query("""
				SELECT index_name, non_unique, index_type, column_name, sub_part, collation, seq_in_index
				  FROM information_schema.STATISTICS
				 WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY'""", (ResultSet rs) -> {
			String name = rs.getString(1);
			String column = "`" + rs.getString(4) + "`" + (rs.getObject(5) == null ? "" : "(" + rs.getInt(5) + ")")
					+ ("D".equals(rs.getString(6)) ? " DESC" : "");
			indexes.computeIfAbsent(name,
					(k) -> new IndexDefinition(name, rsInt(rs, 2) == 0, rsString(rs, 3), new ArrayList<>()));
			columns.computeIfAbsent(name, (k) -> new java.util.TreeMap<>()).put(rs.getInt(7), column);
		}, table);
		indexes.forEach((name, index) -> index.columns().addAll(columns.get(name).values()));
		return new ArrayList<>(indexes.values());
	}

	private static int rsInt(ResultSet rs, int column) {
		try {
			return rs.getInt(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String rsString(ResultSet rs, int column) {
		try {
			return rs.getString(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Drops the secondary indexes of {@code table} that nothing needs while loading (an
	 * index a foreign key needs stays) and returns their definitions.
	 */
	private TableIndexes dropSecondaryIndexes(String table) {
		List<IndexDefinition> dropped = new ArrayList<>();
		for (IndexDefinition index : secondaryIndexes(table)) {
			try {
				this.jdbc.execute("ALTER TABLE " + table + " DROP INDEX `" + index.name() + "`");
				dropped.add(index);
			}
			catch (org.springframework.dao.DataAccessException ex) {
				// needed in a foreign key constraint (1553): it stays and is kept up
				System.out.printf(Locale.ROOT, "  %s.%s kept: %s%n", table, index.name(),
						ex.getMostSpecificCause().getMessage());
			}
		}
		return new TableIndexes(table, dropped);
	}

	/**
	 * Builds the dropped indexes again, all of a table in one statement (one scan, a sort
	 * per index), and checks the table has them as they were.
	 */
	private void recreate(TableIndexes table) {
		if (table.indexes().isEmpty()) {
			return;
		}
		List<String> clauses = table.indexes().stream().map(IndexDefinition::clause).toList();
		this.jdbc.execute("ALTER TABLE " + table.table() + " " + String.join(", ", clauses));
		List<IndexDefinition> now = secondaryIndexes(table.table());
		if (!now.containsAll(table.indexes())) {
			throw new IllegalStateException("The indexes of " + table.table() + " were not re-created as they were: "
					+ table.indexes() + " dropped, " + now + " now");
		}
	}

	/** Organization id and one person of it, for every affiliation. */
	private long[][] affiliations() {
		int n = (int) count("affiliation");
		long[][] pairs = new long[2][n];
		int[] i = { 0 };
		this.jdbc.query("SELECT organization_id, contact_id FROM affiliation ORDER BY id", (java.sql.ResultSet rs) -> {
			if (i[0] < n) {
				pairs[0][i[0]] = rs.getLong(1);
				pairs[1][i[0]] = rs.getLong(2);
				i[0]++;
			}
		});
		if (i[0] < n) {
			long[][] trimmed = { java.util.Arrays.copyOf(pairs[0], i[0]), java.util.Arrays.copyOf(pairs[1], i[0]) };
			return trimmed;
		}
		return pairs;
	}

	private String[] countries(long[] organizations) {
		java.util.Map<Long, String> byId = new java.util.HashMap<>();
		this.jdbc.query("SELECT id, country FROM organization", (java.sql.ResultSet rs) -> {
			byId.put(rs.getLong(1), rs.getString(2));
		});
		String[] countries = new String[organizations.length];
		for (int i = 0; i < organizations.length; i++) {
			countries[i] = byId.get(organizations[i]);
		}
		return countries;
	}

	/**
	 * Reserves {@code count} ids of a sequence the way the directory's id blocks do: one
	 * short transaction of its own, so entity saves and bulk writes never share an id.
	 */
	private long reserve(String sequence, long count) {
		TransactionTemplate own = new TransactionTemplate(this.transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		Long first = own.execute((status) -> {
			this.jdbc.update("UPDATE id_sequence SET next_val = next_val + ? WHERE seq_name = ?", count, sequence);
			Long next = this.jdbc.queryForObject("SELECT next_val FROM id_sequence WHERE seq_name = ?", Long.class,
					sequence);
			return next == null ? null : next - count + 1;
		});
		if (first == null) {
			throw new IllegalStateException("No id sequence " + sequence);
		}
		return first;
	}

	private static void progress(String what, long done, long total, Instant start) {
		double seconds = Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
		System.out.printf(Locale.ROOT, "  %s: %,d of %,d (%.0f/s)%n", what, done, total, done / seconds);
	}

	/** The phases measured so far: name, seconds, rows, load average at the end. */
	List<String> phases() {
		return List.copyOf(PHASES);
	}

	private static final List<String> PHASES = java.util.Collections.synchronizedList(new ArrayList<>());

	/**
	 * One measured phase of the generation: prints its seconds, rows a second and the
	 * machine's load average (the figures mean little without it on a shared machine).
	 */
	private record Phase(String name, Instant start) {

		static Phase start(String name) {
			return new Phase(name, Instant.now());
		}

		void end(long rows) {
			double seconds = Math.max(0.001, Duration.between(this.start, Instant.now()).toMillis() / 1000.0);
			String line = String.format(Locale.ROOT, "%s: %.1f s, %,d rows (%,.0f/s), load %s", this.name, seconds,
					rows, rows / seconds, loadAverage());
			System.out.println("  phase " + line);
			PHASES.add(line);
		}

		private static String loadAverage() {
			try {
				String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
				return parts[0] + " " + parts[1] + " " + parts[2];
			}
			catch (java.io.IOException ex) {
				return "unknown";
			}
		}

	}

}
