package org.outreachcrm.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code interaction_day_count} (V240, V241) exact: interactions counted per UTC
 * day and per UTC month, country snapshot and campaign, by interaction type (dimensions
 * {@code T} per day, {@code M} per month) and by staff member ({@code S}, {@code N}),
 * which the outreach activity report reads instead of the interactions. Every write of an
 * interaction changes the counts in its own transaction, so they commit or roll back
 * together: the service's log, group commit, edit and delete call {@link #change}; paths
 * that write interaction rows with SQL call {@link #countIds}/{@link #uncountIds} around
 * their statements, or {@link #uncountOrganizations}/{@link #countOrganizations} around a
 * set-based move (a merge of organizations that moves interactions, or changes their
 * country, must do so: uncount both organizations before the move, count the kept one
 * after).
 * <p>
 * Changes are summed per row first and written as multi-row upserts ({@code ON DUPLICATE
 * KEY UPDATE ... VALUES()}, understood by MySQL, MariaDB and H2's MySQL mode) in key
 * order, so concurrent writers lock the rows they share in the same order. Rows shared by
 * every writer of the day (today, a country, a type) are locked until the writer commits:
 * the upserts run last in each transaction.
 */
@Component
public class InteractionDayCounts {

	static final String TYPE = "T";

	static final String STAFF = "S";

	static final String TYPE_MONTH = "M";

	static final String STAFF_MONTH = "N";

	// rows per upsert statement (6 parameters each)
	private static final int CHUNK = 500;

	private static final String GROUPED = """
			SELECT CAST(i.occurred_at AS DATE) AS d, COALESCE(i.country, '') AS country,
			       COALESCE(i.campaign_id, 0) AS campaign, i.type, i.staff_id, COUNT(*) AS n
			  FROM interaction i WHERE %s
			 GROUP BY CAST(i.occurred_at AS DATE), COALESCE(i.country, ''), COALESCE(i.campaign_id, 0), i.type,
			          i.staff_id""";

	private final JdbcClient jdbc;

	/** Public for bulk writers outside the application context (test seeds). */
	public InteractionDayCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What of an interaction is counted. */
	record Counted(Instant occurredAt, @Nullable String country, @Nullable Long campaignId, String type, long staffId) {

		static Counted of(Interaction interaction) {
			return new Counted(interaction.occurredAt(), interaction.country(), interaction.campaignId(),
					interaction.type().name(), interaction.staffId());
		}

	}

	/** Counts {@code added} and takes {@code removed} away (an edit gives both). */
	void change(Collection<Counted> removed, Collection<Counted> added) {
		Map<Key, Long> deltas = new TreeMap<>();
		removed.forEach((c) -> add(deltas, c, -1));
		added.forEach((c) -> add(deltas, c, 1));
		write(deltas);
	}

	/** Counts the interactions with ids from {@code first} to {@code last}, inclusive. */
	public void countIds(long first, long last) {
		grouped("i.id >= :first AND i.id <= :last", Map.of("first", first, "last", last), 1);
	}

	/**
	 * Takes away the interactions with ids from {@code first} to {@code last} (before
	 * they are deleted with SQL).
	 */
	public void uncountIds(long first, long last) {
		grouped("i.id >= :first AND i.id <= :last", Map.of("first", first, "last", last), -1);
	}

	/** Counts the interactions with these ids (after their country changed). */
	void countInteractions(Collection<Long> ids) {
		inChunks(ids, 1);
	}

	/** Takes away the interactions with these ids (before their country changes). */
	void uncountInteractions(Collection<Long> ids) {
		inChunks(ids, -1);
	}

	private void inChunks(Collection<Long> ids, int sign) {
		List<Long> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			grouped("i.id IN (:ids)", Map.of("ids", all.subList(from, Math.min(all.size(), from + CHUNK))), sign);
		}
	}

	/** Counts every interaction of the organizations (after a move into them). */
	public void countOrganizations(Collection<Long> organizationIds) {
		if (!organizationIds.isEmpty()) {
			grouped("i.organization_id IN (:ids)", Map.of("ids", organizationIds), 1);
		}
	}

	/** Takes away every interaction of the organizations (before a move out of them). */
	public void uncountOrganizations(Collection<Long> organizationIds) {
		if (!organizationIds.isEmpty()) {
			grouped("i.organization_id IN (:ids)", Map.of("ids", organizationIds), -1);
		}
	}

	/**
	 * Moves the counts of a campaign's interactions to "no campaign" (the campaign is
	 * being deleted and its interactions unlinked).
	 */
	void campaignRemoved(long campaignId) {
		Map<Key, Long> deltas = new TreeMap<>();
		this.jdbc.sql("""
				SELECT dimension, occurred_on, country, item, interactions FROM interaction_day_count
				 WHERE campaign_id = :id AND interactions <> 0""").param("id", campaignId).query((rs) -> {
			LocalDate day = rs.getObject(2, LocalDate.class);
			long n = rs.getLong(5);
			deltas.merge(new Key(rs.getString(1), day, rs.getString(3), campaignId, rs.getString(4)), -n, Long::sum);
			deltas.merge(new Key(rs.getString(1), day, rs.getString(3), 0, rs.getString(4)), n, Long::sum);
		});
		write(deltas);
	}

	/**
	 * Recounts everything from the interactions (a repair, or after a bulk load that
	 * wrote rows without counting them); in the caller's transaction.
	 */
	public void rebuild() {
		this.jdbc.sql("DELETE FROM interaction_day_count").update();
		grouped("1 = 1", Map.of(), 1);
	}

	private void grouped(String where, Map<String, ?> params, int sign) {
		Map<Key, Long> deltas = new TreeMap<>();
		this.jdbc.sql(GROUPED.formatted(where)).params(params).query((rs) -> {
			LocalDate day = rs.getObject("d", LocalDate.class);
			String country = rs.getString("country");
			long campaign = rs.getLong("campaign");
			add(deltas, day, country, campaign, rs.getString("type"), rs.getLong("staff_id"), sign * rs.getLong("n"));
		});
		write(deltas);
	}

	private static void add(Map<Key, Long> deltas, Counted c, int sign) {
		LocalDate day = LocalDate.ofInstant(c.occurredAt(), ZoneOffset.UTC);
		String country = c.country() == null ? "" : c.country();
		long campaign = c.campaignId() == null ? 0 : c.campaignId();
		add(deltas, day, country, campaign, c.type(), c.staffId(), sign);
	}

	// the day's rows and its month's (occurred_on: the month's first day)
	private static void add(Map<Key, Long> deltas, LocalDate day, String country, long campaign, String type,
			long staffId, long n) {
		String staff = Long.toString(staffId);
		LocalDate month = day.withDayOfMonth(1);
		deltas.merge(new Key(TYPE, day, country, campaign, type), n, Long::sum);
		deltas.merge(new Key(STAFF, day, country, campaign, staff), n, Long::sum);
		deltas.merge(new Key(TYPE_MONTH, month, country, campaign, type), n, Long::sum);
		deltas.merge(new Key(STAFF_MONTH, month, country, campaign, staff), n, Long::sum);
	}

	// one multi-row upsert per chunk: portable (H2 and MySQL), whatever the driver does
	// with batches
	private void write(Map<Key, Long> deltas) {
		List<Object> params = new ArrayList<>();
		int rows = 0;
		for (Map.Entry<Key, Long> delta : deltas.entrySet()) {
			if (delta.getValue() == 0) {
				continue;
			}
			Key key = delta.getKey();
			params.addAll(
					List.of(key.dimension(), key.day(), key.country(), key.campaign(), key.item(), delta.getValue()));
			if (++rows == CHUNK) {
				upsert(rows, params);
				params.clear();
				rows = 0;
			}
		}
		if (rows > 0) {
			upsert(rows, params);
		}
	}

	private void upsert(int rows, List<Object> params) {
		StringBuilder sql = new StringBuilder(
				"INSERT INTO interaction_day_count (dimension, occurred_on, country, campaign_id, item, interactions)"
						+ " VALUES (?, ?, ?, ?, ?, ?)");
		for (int i = 1; i < rows; i++) {
			sql.append(", (?, ?, ?, ?, ?, ?)");
		}
		sql.append(" ON DUPLICATE KEY UPDATE interactions = interactions + VALUES(interactions)");
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	/** A row of the table, in its primary key's order. */
	private record Key(String dimension, LocalDate day, String country, long campaign,
			String item) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int c = this.dimension.compareTo(other.dimension);
			if (c == 0) {
				c = this.day.compareTo(other.day);
			}
			if (c == 0) {
				c = this.country.compareTo(other.country);
			}
			if (c == 0) {
				c = Long.compare(this.campaign, other.campaign);
			}
			return (c != 0) ? c : this.item.compareTo(other.item);
		}

	}

}
