package org.outreachcrm.imports;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.ImportMode;

/**
 * An import run as the history, the progress bar and the API show it.
 *
 * @param rowsImported rows that created or updated something or matched stored records
 * @param rowsSkipped rows that matched nothing in update-only mode
 * @param message for FAILED: why, in a sentence a user understands
 */
public record ImportView(long id, String fileName, ImportStatus status, String source, ImportMode mode, boolean dryRun,
		@Nullable String format, @Nullable String sheetName, long rowsRead, long rowsImported, long rowsRejected,
		long rowsSkipped, long warnings, long organizationsCreated, long organizationsUpdated, long contactsCreated,
		long contactsUpdated, long affiliationsCreated, @Nullable String message, String createdBy, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant undoneAt,
		@Nullable String undoneBy) {

	/** Rows read per second so far (or over the whole run when finished). */
	public double rowsPerSecond(Instant now) {
		if (this.startedAt == null) {
			return 0;
		}
		Instant end = this.finishedAt == null ? now : this.finishedAt;
		double seconds = Math.max(0.001, Duration.between(this.startedAt, end).toMillis() / 1000.0);
		return this.rowsRead / seconds;
	}

	/** How long the run took, or has taken so far. */
	public @Nullable Duration duration(Instant now) {
		return this.startedAt == null ? null
				: Duration.between(this.startedAt, this.finishedAt == null ? now : this.finishedAt);
	}

	public boolean finished() {
		return this.status == ImportStatus.COMPLETED || this.status == ImportStatus.FAILED;
	}

}
