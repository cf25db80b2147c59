package org.outreachcrm.directory.bulk;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserves blocks of ids from {@code id_sequence}, the table Hibernate's pooled-lo
 * generators use, so that bulk JDBC inserts and entity saves never hand out the same id.
 *
 * <p>
 * Hibernate reads value V, stores V + 50 and uses V+1..V+50. A reservation of n stores
 * old + n and uses old+1..old+n: the ranges of both never overlap. Each reservation
 * commits on its own, so the row lock is held for one statement, not for a whole chunk.
 * Reservations are taken in blocks of at least {@value #BLOCK} ids and handed out from
 * memory: a stop of the application leaves a gap in the ids, never a duplicate.
 */
@Component
class IdBlocks {

	static final int BLOCK = 5000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	/** Ids reserved per sequence and not handed out yet: {next, end (exclusive)}. */
	private final java.util.Map<String, long[]> pools = new java.util.HashMap<>();

	IdBlocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The first of {@code count} consecutive ids now owned by the caller. */
	synchronized long reserve(String sequence, int count) {
		if (count <= 0) {
			return 0;
		}
		long[] pool = this.pools.get(sequence);
		if (pool == null || pool[1] - pool[0] < count) {
			// take a larger block than asked for, so that a bulk run commits a
			// reservation
			// now and then instead of three per chunk; ids left unused are only a gap
			long first = take(sequence, Math.max(count, BLOCK));
			pool = new long[] { first, first + Math.max(count, BLOCK) };
			this.pools.put(sequence, pool);
		}
		long first = pool[0];
		pool[0] += count;
		return first;
	}

	private long take(String sequence, int count) {
		Long first = this.ownTransaction.execute((status) -> {
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

}
