package org.outreachcrm.directory.bulk;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's bulk path for imports, its one entry point: writes a chunk of
 * normalized rows (creating and filling organizations, people and affiliations by the
 * directory's identity rules) and undoes what earlier writes recorded. Both run in the
 * caller's transaction, so a chunk is written whole or not at all.
 */
@Service
public class DirectoryImport {

	private final BulkWriter writer;

	private final EntityManager entityManager;

	DirectoryImport(BulkWriter writer, EntityManager entityManager) {
		this.writer = writer;
		this.entityManager = entityManager;
	}

	/**
	 * Creates and updates the organizations, people and affiliations that {@code rows}
	 * name, following {@code mode}. In a dry run nothing is written and the counts say
	 * what would be.
	 */
	@Transactional
	public BulkOutcome write(List<DirectoryRow> rows, ImportMode mode, BulkSession session, String actor) {
		// JDBC below the persistence context: make pending entity changes visible first,
		// and drop entities that the batch statements make stale afterwards
		this.entityManager.flush();
		try {
			return this.writer.write(rows, mode, session, actor);
		}
		finally {
			this.entityManager.clear();
		}
	}

	/**
	 * Undoes what {@link #write} recorded: removes the records it created unless someone
	 * changed them after {@code writtenUntil}, and restores changed fields whose value is
	 * still the one the import wrote. What was changed since is left alone and listed.
	 */
	@Transactional
	public RevertOutcome revert(List<RecordChange> changes, Instant writtenUntil) {
		this.entityManager.flush();
		try {
			return this.writer.revert(changes, writtenUntil);
		}
		finally {
			this.entityManager.clear();
		}
	}

}
