package org.outreachcrm.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

	private static final int INTERACTION_BATCH = 2_000;

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
	 * Writes organizations {@code fromOrganization} to {@code organizations} of a data
	 * set of {@code organizations} organizations with {@code contacts} people spread over
	 * them, in chunks of about {@code chunkRows} rows, on {@code threads} threads.
	 */
	void directory(long fromOrganization, long organizations, long contacts, int chunkRows, int threads)
			throws Exception {
		DirectoryImport writer = this.context.getBean(DirectoryImport.class);
		AtomicLong nextOrganization = new AtomicLong(fromOrganization);
		AtomicLong rowsDone = new AtomicLong();
		long perChunk = Math.max(1, chunkRows * organizations / Math.max(organizations, contacts));
		Instant start = Instant.now();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			work.add(pool.submit(() -> {
				long from;
				while ((from = nextOrganization.getAndAdd(perChunk)) < organizations) {
					List<DirectoryRow> rows = new ArrayList<>();
					for (long o = from; o < Math.min(organizations, from + perChunk); o++) {
						long first = o * contacts / organizations;
						long last = (o + 1) * contacts / organizations;
						rows.addAll(ScaleData.rows(o, first, last - first));
					}
					write(writer, rows);
					long done = rowsDone.addAndGet(rows.size());
					if (from / perChunk % 20 == 0) {
						progress("directory", done, Math.max(organizations, contacts), start);
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> future : work) {
			future.get();
		}
		progress("directory", rowsDone.get(), Math.max(organizations, contacts), start);
		// imports create prospects; a grown directory has every stage
		this.jdbc.update("""
				UPDATE organization SET stage = CASE MOD(id, 7) WHEN 0 THEN 'CONTACTED' WHEN 1 THEN 'ENGAGED'
				  WHEN 2 THEN 'PARTNER' WHEN 3 THEN 'DORMANT' WHEN 4 THEN 'CONTACTED' ELSE 'PROSPECT' END""");
		// people's search facets carry their organization's stage (V260): set-based here,
		// as the stages were; every generated person has exactly one affiliation
		this.jdbc
			.update("""
					UPDATE contact_search_facet SET organization_stage = (SELECT o.stage FROM affiliation a
					  JOIN organization o ON o.id = a.organization_id WHERE a.contact_id = contact_search_facet.contact_id)""");
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
	 */
	void interactions(long total, List<Long> staff, Instant now) {
		long[][] pairs = affiliations();
		String[] countries = countries(pairs[0]);
		Random random = new Random(7);
		long twoYears = Duration.ofDays(730).toSeconds();
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		Instant start = Instant.now();
		InteractionType[] types = InteractionType.values();
		InteractionDayCounts counts = this.context.getBean(InteractionDayCounts.class);
		for (long done = 0; done < total; done += INTERACTION_BATCH) {
			int n = (int) Math.min(INTERACTION_BATCH, total - done);
			long first = reserve("interaction", n);
			List<Object[]> rows = new ArrayList<>(n);
			List<Object[]> links = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				int pick = random.nextInt(pairs[0].length);
				long organization = pairs[0][pick];
				ScaleData.Country c = ScaleData.country(organization);
				LocalDateTime at = LocalDateTime.ofInstant(now.minusSeconds((long) (random.nextDouble() * twoYears)),
						ZoneOffset.UTC);
				long id = first + i;
				String staffName = "bench-staff-" + (1 + random.nextInt(staff.size()));
				rows.add(new Object[] { id, organization, countries[pick], types[random.nextInt(types.length)].name(),
						at, c.zone(), (random.nextInt(3) == 0 ? Direction.INBOUND : Direction.OUTBOUND).name(),
						SUBJECTS[random.nextInt(SUBJECTS.length)],
						"Talked about the next campaign and who attends the regional meeting.",
						staff.get(random.nextInt(staff.size())), at, staffName, at, staffName });
				links.add(new Object[] { id, pairs[1][pick] });
			}
			tx.executeWithoutResult((status) -> {
				this.jdbc.batchUpdate("""
						INSERT INTO interaction (id, organization_id, country, type, occurred_at, time_zone, direction,
						  subject, summary, staff_id, created_at, created_by, updated_at, updated_by, version)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
				this.jdbc.batchUpdate("INSERT INTO interaction_contact (interaction_id, contact_id) VALUES (?, ?)",
						links);
				// the activity report's daily counts, in the same transaction as every
				// writer
				counts.countIds(first, first + n - 1);
			});
			if (done / INTERACTION_BATCH % 100 == 0 || done + n == total) {
				progress("interactions", done + n, total, start);
			}
		}
		// what the outreach module keeps per organization for "going cold"
		this.jdbc.update("DELETE FROM outreach_organization");
		this.jdbc.update("""
				INSERT INTO outreach_organization (organization_id, known_since, last_interaction_at)
				SELECT o.id, o.created_at, (SELECT MAX(i.occurred_at) FROM interaction i WHERE i.organization_id = o.id)
				FROM organization o""");
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
	private long reserve(String sequence, int count) {
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

}
