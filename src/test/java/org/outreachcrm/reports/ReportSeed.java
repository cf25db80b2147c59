package org.outreachcrm.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.outreach.InteractionDayCounts;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Known rows for report tests, written straight into the tables the reports read (with
 * ids far above what the application hands out, so they never collide).
 */
final class ReportSeed {

	private static final AtomicLong IDS = new AtomicLong(
			7_000_000_000L + ThreadLocalRandom.current().nextLong(100_000) * 10_000);

	private final JdbcClient jdbc;

	private final InteractionDayCounts counts;

	ReportSeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.counts = new InteractionDayCounts(jdbc);
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	long user(String displayName) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO app_user (id, username, username_key, password_hash, display_name, email, enabled,
				    password_change_required, created_at, updated_at, version)
				VALUES (?, ?, ?, '{noop}x', ?, NULL, TRUE, FALSE, ?, ?, 0)""")
			.params(id, "seed" + id, "seed" + id, displayName, LocalDateTime.now(), LocalDateTime.now())
			.update();
		return id;
	}

	long organization(String name, String type, String country, String stage, Instant createdAt) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO organization (id, name, name_key, type, country, stage, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(id, name, "seed " + id, type, country, stage, utc(createdAt), utc(createdAt))
			.update();
		return id;
	}

	long contact(String country, Instant createdAt) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO contact (id, display_name, name_key, country, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 0)""")
			.params(id, "Person " + id, "person " + id, country, utc(createdAt), utc(createdAt))
			.update();
		return id;
	}

	long campaign(String name) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO campaign (id, name, starts_on, owner_id, status, created_at, updated_at, version)
				VALUES (?, ?, ?, 1, 'ACTIVE', ?, ?, 0)""")
			.params(id, name, LocalDate.of(2030, 1, 1), LocalDateTime.now(), LocalDateTime.now())
			.update();
		return id;
	}

	long interaction(long organization, String country, String type, long staff, @Nullable Long campaign, Instant at) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO interaction (id, organization_id, country, type, occurred_at, time_zone, direction,
				    subject, staff_id, campaign_id, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, 'UTC', 'OUTBOUND', 'Seeded', ?, ?, ?, ?, 0)""")
			.params(id, organization, country, type, utc(at), staff, campaign, utc(at), utc(at))
			.update();
		// as every writer of interaction rows does (the activity report reads the counts)
		this.counts.countIds(id, id);
		return id;
	}

	void followUp(long organization, String country, LocalDate due, long assignee, @Nullable String note,
			Instant created, @Nullable Instant completed) {
		long interaction = interaction(organization, country, "OTHER", assignee, null,
				Instant.parse("2000-01-01T00:00:00Z"));
		this.jdbc.sql("""
				INSERT INTO follow_up (id, interaction_id, organization_id, country, due_on, assignee_id, note,
				    completed_at, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(IDS.incrementAndGet(), interaction, organization, country, due, assignee, note,
					completed == null ? null : utc(completed), utc(created), utc(created))
			.update();
	}

	void stageChange(long organization, @Nullable String from, String to, Instant at) {
		this.jdbc.sql("""
				INSERT INTO stage_change (id, organization_id, from_stage, to_stage, changed_by, changed_at)
				VALUES (?, ?, ?, ?, 'seed', ?)""")
			.params(IDS.incrementAndGet(), organization, from, to, utc(at))
			.update();
	}

	long meeting(String title, Instant startsAt) {
		long id = IDS.incrementAndGet();
		this.jdbc.sql("""
				INSERT INTO meeting (id, title, starts_at, ends_at, time_zone, organizer_id, created_at, updated_at,
				    version)
				VALUES (?, ?, ?, ?, 'UTC', 1, ?, ?, 0)""")
			.params(id, title, utc(startsAt), utc(startsAt.plusSeconds(3600)), utc(startsAt), utc(startsAt))
			.update();
		return id;
	}

	void invitation(long meeting, long contact, long organization, String status) {
		this.jdbc.sql("""
				INSERT INTO invitation (id, meeting_id, contact_id, organization_id, status, created_at, updated_at,
				    version)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(IDS.incrementAndGet(), meeting, contact, organization, status, LocalDateTime.now(),
					LocalDateTime.now())
			.update();
	}

	/**
	 * Deletes every seeded row (ids from the seed's range) and every run and schedule,
	 * for tests that commit.
	 */
	void cleanUp() {
		for (String table : new String[] { "report_delivery", "report_run", "report_schedule", "shedlock" }) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		this.counts.uncountIds(7_000_000_000L, Long.MAX_VALUE);
		for (String table : new String[] { "invitation", "meeting", "follow_up", "stage_change", "interaction",
				"campaign", "contact", "organization", "app_user" }) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE id >= 7000000000").update();
		}
	}

}
