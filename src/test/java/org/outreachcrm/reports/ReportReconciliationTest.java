package org.outreachcrm.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outreachcrm.accounts.Role;
import org.outreachcrm.accounts.UserAccounts;
import org.outreachcrm.accounts.UserView;
import org.outreachcrm.outreach.Campaigns;
import org.outreachcrm.outreach.Direction;
import org.outreachcrm.outreach.InteractionRequest;
import org.outreachcrm.outreach.InteractionType;
import org.outreachcrm.outreach.InteractionView;
import org.outreachcrm.outreach.Interactions;
import org.outreachcrm.shared.CountryScope;
import org.outreachcrm.testsupport.FlowTest;
import org.outreachcrm.testsupport.MutableClock;
import org.outreachcrm.testsupport.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Reconciliation, property style with a fixed seed: for generated outreach (random
 * interactions over several countries, campaigns and staff, with instants on the period's
 * edges and on the nights the clocks change in Europe), every report type's totals in the
 * API, the HTML view and the XLSX cells equal a direct SQL count of the same rows; and
 * the activity report, which reads daily counts kept on write, still equals a direct
 * count breakdown by breakdown after group-committed writes, edits and deletes. Runs on
 * H2 and, with {@code -Pmariadb}, on MariaDB.
 */
@FlowTest
class ReportReconciliationTest {

	private static final long SEED = 20261107L;

	private static final String[] COUNTRIES = { "PL", "RO", "DE", "TV", "NR" };

	private static final String[] ORG_TYPES = { "NGO", "FOUNDATION", "MEDIA", "ACADEMIA" };

	private static final String[] INTERACTION_TYPES = { "CALL", "EMAIL", "EVENT", "LETTER" };

	private static final String[] STATUSES = { "INVITED", "ACCEPTED", "DECLINED", "TENTATIVE", "ATTENDED", "NO_SHOW" };

	private static final String[] STAGES = { "PROSPECT", "CONTACTED", "ENGAGED", "PARTNER", "DORMANT" };

	/** Around the spring change (30 March 2031) and the autumn one (26 October 2031). */
	private static final LocalDate SPRING_FROM = LocalDate.of(2031, 3, 24);

	private static final LocalDate SPRING_TO = LocalDate.of(2031, 4, 6);

	private static final LocalDate AUTUMN_FROM = LocalDate.of(2031, 10, 20);

	private static final LocalDate AUTUMN_TO = LocalDate.of(2031, 11, 2);

	private static final Instant NOW = Instant.parse("2031-11-03T09:00:00Z");

	private static final Pattern FIGURE = Pattern
		.compile("<div class=\"small text-body-secondary\">([^<]+)</div>\\s*<div class=\"fs-4 fw-bold\">([^<]+)</div>");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReportQueries queries;

	@Autowired
	ReportWorkbook workbooks;

	@Autowired
	ReportTexts texts;

	@Autowired
	RunStore store;

	@Autowired
	RunResults results;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ObjectMapper json;

	@Autowired
	Interactions interactions;

	@Autowired
	Campaigns campaigns;

	@AfterEach
	void resetClock() {
		ReportScenario.resetClock(this.clock);
	}

	@Test
	void everyTotalInApiPageAndWorkbookEqualsADirectCountOfTheRows() throws Exception {
		Generated data = generate(new Random(SEED));
		this.clock.set(NOW);
		UserView manager = ReportScenario.manager(this.users);
		CountryScope all = CountryScope.everything();
		List<ReportFilter> filters = new ArrayList<>();
		for (ReportType type : ReportType.values()) {
			filters.add(new ReportFilter(type, SPRING_FROM, SPRING_TO, Set.of(), null));
			filters.add(new ReportFilter(type, AUTUMN_FROM, AUTUMN_TO, Set.of("PL", "RO"), null));
			filters.add(new ReportFilter(type, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31), Set.of(),
					data.campaigns.get(0)));
		}
		int checked = 0;
		for (ReportFilter filter : filters) {
			long id = this.store.insert(filter, all, Locale.ENGLISH, manager.username(), NOW);
			this.results.keep(id, this.queries.compute(filter, all));
			this.store.finish(id, ReportRunStatus.COMPLETED, ReportFiles.name(id, filter), null, NOW);
			ReportData stored = this.results.of(this.store.find(id).orElseThrow());

			Map<String, Long> expected = expectedFigures(filter);
			JsonNode api = this.json
				.readTree(get("/api/reports/runs/" + id + "/result", manager).getResponse().getContentAsString());
			Map<String, String> page = figures(
					get("/reports/runs/" + id + "?lang=en", manager).getResponse().getContentAsString());
			Map<String, Long> workbook;
			Map<String, Map<String, Double>> sheets;
			try (XSSFWorkbook book = workbook(stored)) {
				workbook = summary(book);
				sheets = new HashMap<>();
				for (ReportTable table : stored.tables()) {
					sheets.put(table.key(), sheetSums(book.getSheet(sheetName(table.key()))));
				}
			}
			for (Map.Entry<String, Long> figure : expected.entrySet()) {
				String label = this.texts.get("figure." + figure.getKey(), Locale.ENGLISH);
				String what = filter + " " + figure.getKey();
				assertThat(apiFigure(api, figure.getKey())).as("API " + what).isEqualTo(figure.getValue());
				assertThat(Long.parseLong(page.get(label).replace(",", ""))).as("page " + what)
					.isEqualTo(figure.getValue());
				assertThat(workbook.get(label)).as("XLSX " + what).isEqualTo(figure.getValue());
				checked++;
			}
			for (Map.Entry<String, Map<String, Long>> table : expectedTableSums(filter).entrySet()) {
				ReportTable apiTable = apiTable(api, table.getKey());
				for (Map.Entry<String, Long> column : table.getValue().entrySet()) {
					int c = columnIndex(apiTable, column.getKey());
					String what = filter + " " + table.getKey() + "." + column.getKey();
					assertThat(apiTable.rows().stream().mapToLong((r) -> ((Number) r.get(c)).longValue()).sum())
						.as("API " + what)
						.isEqualTo(column.getValue());
					assertThat(sheets.get(table.getKey())
						.getOrDefault(this.texts.get("column." + column.getKey(), Locale.ENGLISH), 0.0))
						.as("XLSX " + what)
						.isEqualTo(column.getValue().doubleValue());
					checked++;
				}
			}
			if (filter.type() == ReportType.OUTREACH_ACTIVITY) {
				assertThat(perCountry(apiTable(api, ActivityReport.BY_COUNTRY))).as("API by country " + filter)
					.isEqualTo(sqlPerCountry(filter));
				ReportTable steps = apiTable(api, TimeBuckets.of(filter.from(), filter.to()).tableKey());
				assertThat(steps.rows()).as("every step of " + filter).hasSize(expectedSteps(filter));
			}
		}
		assertThat(checked).isGreaterThan(100);
		assertThat(data.interactions).isGreaterThan(300);
	}

	/**
	 * The activity report reads daily counts kept on write: after interactions are logged
	 * as a group (one transaction, one multi-row upsert), edited (type, day across the
	 * DST nights and period edges, organization and its country, campaign, staff member),
	 * deleted, and unlinked from a deleted campaign, through the outreach module's
	 * services, every figure and every row of the staff, country, interaction type,
	 * campaign and day breakdowns equals a direct count of the rows.
	 */
	@Test
	void activityBreakdownsEqualADirectCountAfterGroupWritesEditsAndDeletes() {
		Generated data = generate(new Random(SEED + 1));
		this.clock.set(NOW);
		UserView writer = Staff.create(this.users, Role.MANAGER);
		Staff.actAs(writer);
		try {
			Random random = new Random(SEED + 2);
			List<Long> organizations = this.jdbc
				.sql("SELECT id FROM organization WHERE name LIKE 'Recon %' ORDER BY id")
				.query(Long.class)
				.list();
			List<Long> staff = this.jdbc.sql("SELECT id FROM app_user WHERE display_name LIKE 'Recon %' ORDER BY id")
				.query(Long.class)
				.list();
			List<Instant> edges = List.of(Instant.parse("2031-03-30T00:59:59Z"), Instant.parse("2031-03-30T01:00:00Z"),
					Instant.parse("2031-10-26T00:59:59Z"), Instant.parse("2031-10-27T00:00:00Z"),
					SPRING_FROM.atStartOfDay(ZoneOffset.UTC).toInstant(),
					AUTUMN_TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000));
			List<Interactions.Submission> group = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				long staffId = staff.get(random.nextInt(staff.size()));
				group.add(new Interactions.Submission(
						request(organizations.get(random.nextInt(organizations.size())), edges.get(i % edges.size()),
								InteractionType.values()[random.nextInt(InteractionType.values().length)],
								(i % 3 == 0) ? null : staffId,
								(i % 4 == 0) ? null : data.campaigns.get(random.nextInt(2)), null),
						writer::id));
			}
			assertThat(this.interactions.logAll(group)).allMatch((logged) -> logged.refusal() == null);

			List<Long> ids = this.jdbc.sql("""
					SELECT id FROM interaction WHERE occurred_at >= ? AND occurred_at < ? ORDER BY id""")
				.params(LocalDate.of(2031, 1, 1).atStartOfDay(), LocalDate.of(2032, 1, 1).atStartOfDay())
				.query(Long.class)
				.list();
			int edited = 0;
			int deleted = 0;
			for (int i = 0; i < ids.size(); i++) {
				long id = ids.get(i);
				if (i % 7 == 3) {
					this.interactions.delete(id, null);
					deleted++;
				}
				else if (i % 5 == 1) {
					InteractionView before = this.interactions.get(id, null);
					this.interactions.update(id, request(organizations.get(random.nextInt(organizations.size())),
							edges.get(random.nextInt(edges.size())).plusSeconds(random.nextInt(3) - 1),
							InteractionType.values()[random.nextInt(InteractionType.values().length)],
							staff.get(random.nextInt(staff.size())),
							random.nextBoolean() ? null : data.campaigns.get(random.nextInt(2)), before.version()));
					edited++;
				}
			}
			this.campaigns.delete(data.campaigns.get(1), null);
			assertThat(edited).isGreaterThan(30);
			assertThat(deleted).isGreaterThan(30);

			CountryScope all = CountryScope.everything();
			for (ReportFilter filter : List.of(
					new ReportFilter(ReportType.OUTREACH_ACTIVITY, SPRING_FROM, SPRING_TO, Set.of(), null),
					new ReportFilter(ReportType.OUTREACH_ACTIVITY, AUTUMN_FROM, AUTUMN_TO, Set.of("PL", "RO"), null),
					new ReportFilter(ReportType.OUTREACH_ACTIVITY, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31),
							Set.of(), data.campaigns.get(0)),
					new ReportFilter(ReportType.OUTREACH_ACTIVITY, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31),
							Set.of("DE", "TV", "NR"), null))) {
				ReportData report = this.queries.compute(filter, all);
				assertThat(report.figure("interactions")).as("interactions " + filter)
					.isEqualTo(expectedFigures(filter).get("interactions"));
				assertThat(report.figure("previousInteractions")).as("previous " + filter)
					.isEqualTo(expectedFigures(filter).get("previousInteractions"));
				assertThat(rows(report, ActivityReport.BY_STAFF)).as("by staff " + filter)
					.isEqualTo(grouped(filter, "COALESCE(u.display_name, CONCAT('#', i.staff_id))"));
				assertThat(rows(report, ActivityReport.BY_COUNTRY)).as("by country " + filter)
					.isEqualTo(grouped(filter, "i.country"));
				assertThat(rows(report, ActivityReport.BY_INTERACTION_TYPE)).as("by type " + filter)
					.isEqualTo(grouped(filter, "i.type"));
				assertThat(rows(report, ActivityReport.BY_CAMPAIGN)).as("by campaign " + filter)
					.isEqualTo(grouped(filter, "c.name"));
				assertThat(rows(report, ActivityReport.BY_ORGANIZATION_TYPE)).as("by organization type " + filter)
					.isEqualTo(grouped(filter, "o.type"));
				assertThat(rows(report, TimeBuckets.of(filter.from(), filter.to()).tableKey()).entrySet()
					.stream()
					.filter((e) -> e.getValue() != 0)
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
					.as("by day (or week) " + filter)
					.isEqualTo(steps(filter, grouped(filter, "CAST(i.occurred_at AS DATE)")));
			}
		}
		finally {
			Staff.logOut();
		}
	}

	private static InteractionRequest request(long organization, Instant at, InteractionType type, @Nullable Long staff,
			@Nullable Long campaign, @Nullable Long version) {
		return new InteractionRequest(organization, List.of(), type, at, "Europe/Warsaw", Direction.OUTBOUND,
				"Reconciled", null, null, staff, campaign, Set.of(), null, version);
	}

	/** Counts per day summed into the report's steps (weeks beyond 92 days). */
	private static Map<String, Long> steps(ReportFilter filter, Map<String, Long> perDay) {
		TimeBuckets buckets = TimeBuckets.of(filter.from(), filter.to());
		Map<String, Long> steps = new HashMap<>();
		perDay.forEach((day, n) -> steps.merge(buckets.stepOf(LocalDate.parse(day)).toString(), n, Long::sum));
		return steps;
	}

	/** A breakdown's rows as key (its text, null as "null") and count. */
	private static Map<String, Long> rows(ReportData report, String table) {
		Map<String, Long> rows = new HashMap<>();
		report.table(table)
			.orElseThrow()
			.rows()
			.forEach((row) -> rows.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue()));
		return rows;
	}

	/** The period's interactions counted per {@code key} straight from the rows. */
	private Map<String, Long> grouped(ReportFilter filter, String key) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT " + key + ", COUNT(*) FROM interaction i LEFT JOIN app_user u ON u.id = i.staff_id"
				+ " LEFT JOIN campaign c ON c.id = i.campaign_id LEFT JOIN organization o ON o.id = i.organization_id"
				+ " WHERE i.occurred_at >= ? AND i.occurred_at < ?" + countries(filter, "i.country")
				+ campaign(filter, "i.campaign_id") + " GROUP BY " + key)
			.params(filter.from().atStartOfDay(), filter.to().plusDays(1).atStartOfDay())
			.query((rs) -> {
				Object value = rs.getObject(1);
				String text = (value instanceof java.sql.Date date) ? date.toLocalDate().toString()
						: String.valueOf(value);
				counts.put(text, rs.getLong(2));
			});
		return counts;
	}

	// ---- generated data

	record Generated(List<Long> campaigns, int interactions) {
	}

	private Generated generate(Random random) {
		ReportSeed seed = new ReportSeed(this.jdbc);
		List<Long> staff = List.of(seed.user("Recon A"), seed.user("Recon B"), seed.user("Recon C"));
		List<Long> campaigns = List.of(seed.campaign("Recon spring"), seed.campaign("Recon autumn"));
		List<long[]> orgs = new ArrayList<>();
		List<String> orgCountries = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String country = pick(random, COUNTRIES);
			Instant created = randomInstant(random, Instant.parse("2030-06-01T00:00:00Z"),
					Instant.parse("2031-11-03T00:00:00Z"));
			long id = seed.organization("Recon " + i, pick(random, ORG_TYPES), country, pick(random, STAGES), created);
			orgs.add(new long[] { id });
			orgCountries.add(country);
			if (random.nextInt(3) == 0) {
				this.jdbc.sql("INSERT INTO campaign_target (campaign_id, organization_id) VALUES (?, ?)")
					.params(campaigns.get(random.nextInt(2)), id)
					.update();
			}
			if (random.nextBoolean()) {
				seed.stageChange(id, pick(random, STAGES), pick(random, STAGES),
						randomInstant(random, created, Instant.parse("2031-11-03T00:00:00Z")));
			}
			seed.contact(country, created);
		}
		List<Instant> instants = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			instants.add(randomInstant(random, Instant.parse("2030-12-01T00:00:00Z"),
					Instant.parse("2031-12-31T23:59:59Z")));
		}
		for (LocalDate edge : List.of(SPRING_FROM, SPRING_TO.plusDays(1), AUTUMN_FROM, AUTUMN_TO.plusDays(1),
				SPRING_FROM.minusDays(14), AUTUMN_FROM.minusDays(14))) {
			Instant midnight = edge.atStartOfDay(ZoneOffset.UTC).toInstant();
			instants.addAll(List.of(midnight, midnight.minusNanos(1000), midnight.plusSeconds(1)));
		}
		// the nights the clocks change (01:00 UTC in the EU), in Warsaw and Bucharest
		for (String change : List.of("2031-03-30T01:00:00Z", "2031-10-26T01:00:00Z")) {
			Instant at = Instant.parse(change);
			instants.addAll(List.of(at.minusSeconds(1), at, at.plusSeconds(3600), at.minusSeconds(3601),
					at.plusSeconds(22 * 3600 + 59 * 60)));
		}
		for (Instant at : instants) {
			int o = random.nextInt(orgs.size());
			Long campaign = random.nextInt(3) == 0 ? null : campaigns.get(random.nextInt(2));
			// the country snapshot is usually the organization's, sometimes where it was
			// before
			String country = random.nextInt(5) == 0 ? pick(random, COUNTRIES) : orgCountries.get(o);
			seed.interaction(orgs.get(o)[0], country, pick(random, INTERACTION_TYPES),
					staff.get(random.nextInt(staff.size())), campaign, at);
		}
		for (int i = 0; i < 40; i++) {
			int o = random.nextInt(orgs.size());
			Instant created = randomInstant(random, Instant.parse("2031-03-01T00:00:00Z"), NOW);
			Instant completed = random.nextBoolean() ? null : randomInstant(random, created, NOW);
			seed.followUp(orgs.get(o)[0], orgCountries.get(o), LocalDate.of(2031, 10, 1).plusDays(random.nextInt(45)),
					staff.get(random.nextInt(staff.size())), "note " + i, created, completed);
		}
		for (int m = 0; m < 8; m++) {
			long meeting = seed.meeting("Recon meeting " + m, randomInstant(random,
					Instant.parse("2031-03-20T00:00:00Z"), Instant.parse("2031-11-05T00:00:00Z")));
			for (int v = 0; v < 1 + random.nextInt(6); v++) {
				int o = random.nextInt(orgs.size());
				seed.invitation(meeting, seed.contact(orgCountries.get(o), Instant.parse("2030-01-01T00:00:00Z")),
						orgs.get(o)[0], pick(random, STATUSES));
			}
		}
		return new Generated(campaigns, instants.size());
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static Instant randomInstant(Random random, Instant from, Instant to) {
		long span = to.getEpochSecond() - from.getEpochSecond();
		return from.plusSeconds(span <= 0 ? 0 : (long) (random.nextDouble() * span));
	}

	// ---- direct counts

	private Map<String, Long> expectedFigures(ReportFilter filter) {
		Map<String, Long> figures = new HashMap<>();
		LocalDateTime start = filter.from().atStartOfDay();
		LocalDateTime end = filter.to().plusDays(1).atStartOfDay();
		switch (filter.type()) {
			case OUTREACH_ACTIVITY -> {
				figures.put("interactions", interactions(filter, start, end));
				ReportFilter previous = filter.previous();
				figures.put("previousInteractions",
						interactions(filter, previous.from().atStartOfDay(), previous.to().plusDays(1).atStartOfDay()));
				figures.put("newOrganizations", count("SELECT COUNT(*) FROM organization o WHERE o.created_at >= ?"
						+ " AND o.created_at < ?" + countries(filter, "o.country"), start, end));
				figures.put("newContacts", count("SELECT COUNT(*) FROM contact c WHERE c.created_at >= ?"
						+ " AND c.created_at < ?" + countries(filter, "c.country"), start, end));
			}
			case FOLLOW_UPS -> {
				LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
				String join = " FROM follow_up f LEFT JOIN interaction i ON i.id = f.interaction_id WHERE 1 = 1"
						+ countries(filter, "f.country") + campaign(filter, "i.campaign_id");
				figures.put("overdue",
						count("SELECT COUNT(*)" + join + " AND f.completed_at IS NULL AND f.due_on < ?", today));
				figures.put("dueSoon",
						count("SELECT COUNT(*)" + join
								+ " AND f.completed_at IS NULL AND f.due_on >= ? AND f.due_on <= ?", today,
								today.plusDays(7)));
				figures.put("followUpsSet",
						count("SELECT COUNT(*)" + join + " AND f.created_at >= ? AND f.created_at < ?", start, end));
				figures.put("followUpsCompleted", count(
						"SELECT COUNT(*)" + join + " AND f.completed_at >= ? AND f.completed_at < ?", start, end));
			}
			case COVERAGE -> {
				String orgs = " FROM organization o WHERE o.created_at < ?" + countries(filter, "o.country")
						+ targets(filter);
				figures.put("organizations", count("SELECT COUNT(*)" + orgs, end));
				figures.put("reached",
						count("SELECT COUNT(*)" + orgs + " AND o.id IN (SELECT i.organization_id"
								+ " FROM interaction i WHERE i.occurred_at >= ? AND i.occurred_at < ?)", end, start,
								end));
				LocalDateTime coldStart = end.minusDays(90);
				figures
					.put("goingCold", count("SELECT COUNT(*)" + orgs + " AND o.created_at < ? AND o.id NOT IN (SELECT"
							+ " i.organization_id FROM interaction i WHERE i.occurred_at >= ? AND i.occurred_at < ?)",
							end, coldStart, coldStart, end));
				figures.put("stageMoves",
						count("SELECT COUNT(*) FROM stage_change s JOIN organization o ON o.id = s.organization_id"
								+ " WHERE s.from_stage IS NOT NULL AND s.changed_at >= ? AND s.changed_at < ?"
								+ countries(filter, "o.country") + targets(filter), start, end));
			}
			case MEETINGS -> {
				String invitations = " FROM invitation v JOIN meeting m ON m.id = v.meeting_id LEFT JOIN organization o"
						+ " ON o.id = v.organization_id WHERE m.starts_at >= ? AND m.starts_at < ?"
						+ countries(filter, "o.country");
				figures.put("meetings", count("SELECT COUNT(DISTINCT m.id)" + invitations, start, end));
				figures.put("invitations", count("SELECT COUNT(*)" + invitations, start, end));
				figures.put("attended",
						count("SELECT COUNT(*)" + invitations + " AND v.status = 'ATTENDED'", start, end));
			}
		}
		return figures;
	}

	/**
	 * The columns whose sum over a table's rows is a figure, with that figure's count.
	 */
	private Map<String, Map<String, Long>> expectedTableSums(ReportFilter filter) {
		Map<String, Long> figures = expectedFigures(filter);
		Map<String, Map<String, Long>> sums = new HashMap<>();
		switch (filter.type()) {
			case OUTREACH_ACTIVITY -> {
				for (String table : List.of(ActivityReport.BY_STAFF, ActivityReport.BY_COUNTRY,
						ActivityReport.BY_ORGANIZATION_TYPE, ActivityReport.BY_INTERACTION_TYPE,
						ActivityReport.BY_CAMPAIGN, TimeBuckets.of(filter.from(), filter.to()).tableKey())) {
					sums.put(table, Map.of("interactions", figures.get("interactions")));
				}
			}
			case FOLLOW_UPS -> sums.put(FollowUpReport.BY_STAFF,
					Map.of("overdue", figures.get("overdue"), "dueSoon", figures.get("dueSoon")));
			case COVERAGE -> {
				for (String table : List.of(CoverageReport.BY_COUNTRY, CoverageReport.BY_TYPE)) {
					sums.put(table, Map.of("organizations", figures.get("organizations"), "reached",
							figures.get("reached"), "goingCold", figures.get("goingCold")));
				}
				sums.put(CoverageReport.FUNNEL, Map.of("organizationsNow", figures.get("organizations"),
						"enteredInPeriod", figures.get("stageMoves")));
			}
			case MEETINGS -> {
				for (String table : List.of(MeetingsReport.BY_MEETING, MeetingsReport.BY_COUNTRY,
						MeetingsReport.BY_TYPE)) {
					sums.put(table, Map.of("invited", figures.get("invitations"), "attended", figures.get("attended")));
				}
			}
		}
		return sums;
	}

	private long interactions(ReportFilter filter, LocalDateTime start, LocalDateTime end) {
		return count("SELECT COUNT(*) FROM interaction i WHERE i.occurred_at >= ? AND i.occurred_at < ?"
				+ countries(filter, "i.country") + campaign(filter, "i.campaign_id"), start, end);
	}

	private Map<String, Long> sqlPerCountry(ReportFilter filter) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT i.country, COUNT(*) FROM interaction i WHERE i.occurred_at >= ? AND i.occurred_at < ?"
					+ countries(filter, "i.country") + campaign(filter, "i.campaign_id") + " GROUP BY i.country")
			.params(filter.from().atStartOfDay(), filter.to().plusDays(1).atStartOfDay())
			.query((rs) -> {
				counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	private static String countries(ReportFilter filter, String column) {
		return filter.countries().isEmpty() ? ""
				: " AND " + column + " IN ('" + String.join("', '", new java.util.TreeSet<>(filter.countries())) + "')";
	}

	private static String campaign(ReportFilter filter, String column) {
		return filter.campaignId() == null ? "" : " AND " + column + " = " + filter.campaignId();
	}

	private static String targets(ReportFilter filter) {
		return filter.campaignId() == null ? ""
				: " AND o.id IN (SELECT t.organization_id FROM campaign_target t WHERE t.campaign_id = "
						+ filter.campaignId() + ")";
	}

	private static int expectedSteps(ReportFilter filter) {
		long days = filter.days();
		if (days <= TimeBuckets.MAX_DAYS) {
			return (int) days;
		}
		// the first (partial) week, then every Monday
		return (int) filter.from()
			.datesUntil(filter.to().plusDays(1))
			.filter((d) -> d.equals(filter.from()) || d.getDayOfWeek() == java.time.DayOfWeek.MONDAY)
			.count();
	}

	private long count(String sql, Object... params) {
		Long n = this.jdbc.sql(sql).params(params).query(Long.class).single();
		return n == null ? 0 : n;
	}

	// ---- what the three outputs say

	private static long apiFigure(JsonNode api, String key) {
		for (JsonNode figure : api.get("figures")) {
			if (figure.get("key").asString().equals(key)) {
				return figure.get("value").asLong();
			}
		}
		throw new AssertionError("no figure " + key);
	}

	private ReportTable apiTable(JsonNode api, String key) {
		for (JsonNode table : api.get("tables")) {
			if (table.get("key").asString().equals(key)) {
				return this.json.treeToValue(table, ReportTable.class);
			}
		}
		throw new AssertionError("no table " + key);
	}

	private static int columnIndex(ReportTable table, String key) {
		for (int c = 0; c < table.columns().size(); c++) {
			if (table.columns().get(c).key().equals(key)) {
				return c;
			}
		}
		throw new AssertionError("no column " + key + " in " + table.key());
	}

	private static Map<String, Long> perCountry(ReportTable table) {
		Map<String, Long> counts = new HashMap<>();
		for (List<@Nullable Object> row : table.rows()) {
			counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
		}
		return counts;
	}

	private static Map<String, String> figures(String html) {
		Map<String, String> figures = new HashMap<>();
		Matcher matcher = FIGURE.matcher(html);
		while (matcher.find()) {
			figures.put(matcher.group(1), matcher.group(2));
		}
		return figures;
	}

	private XSSFWorkbook workbook(ReportData data) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.workbooks.write(data, Locale.ENGLISH, out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static Map<String, Long> summary(XSSFWorkbook book) {
		Map<String, Long> figures = new HashMap<>();
		for (Row row : book.getSheet("Summary")) {
			if (row.getCell(1) != null
					&& row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
				figures.put(row.getCell(0).getStringCellValue(), (long) row.getCell(1).getNumericCellValue());
			}
		}
		return figures;
	}

	private String sheetName(String table) {
		return org.apache.poi.ss.util.WorkbookUtil
			.createSafeSheetName(this.texts.get("table." + table, Locale.ENGLISH));
	}

	/** Per header, the sum of the column's numeric cells. */
	private static Map<String, Double> sheetSums(Sheet sheet) {
		Map<String, Double> sums = new HashMap<>();
		Row header = sheet.getRow(0);
		for (Row row : sheet) {
			if (row.getRowNum() == 0) {
				continue;
			}
			for (int c = 0; c < header.getLastCellNum(); c++) {
				if (row.getCell(c) != null
						&& row.getCell(c).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
					sums.merge(header.getCell(c).getStringCellValue(), row.getCell(c).getNumericCellValue(),
							Double::sum);
				}
			}
		}
		return sums;
	}

	private MvcTestResult get(String uri, UserView manager) {
		return this.mvc.get().uri(uri).with(user(manager.username()).roles("MANAGER")).exchange();
	}

}
