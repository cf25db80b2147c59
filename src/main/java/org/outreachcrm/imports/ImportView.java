package org.outreachcrm.imports;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.bulk.ImportMode;

/**
 * An import run as the history, the progress bar and the API show it.
 *
 * @param rowsImported rows that created or updated something or matched stored records
 * @param rowsSkipped rows that matched nothing in update-only mode
 * @param message for FAILED: why, in a sentence a user understands, in the reader's
 * language when the view was {@link #withMessage localized}, else in English
 * @param awaitingReview prepared from the screens and waiting for the admin to review the
 * mapping and start it; the status stays QUEUED (the API's statuses do not change)
 * @param rowsTotal data rows of the file when known before reading it (formats read
 * whole), null for streamed files
 * @param messageText the message's bundle key and arguments; null when there is no
 * message or the run was stored before messages had keys (then {@code message} is all
 * there is)
 * @param possibleDuplicates pairs of possible duplicates the check after the run found
 * among the records it created or changed; null for dry runs, failed runs and runs before
 * the check existed
 * @param duplicateCheck where the duplicate check after the run stands; null for dry
 * runs, failed runs and runs before the check existed
 */
public record ImportView(long id, String fileName, ImportStatus status, String source, ImportMode mode, boolean dryRun,
		@Nullable String format, @Nullable String sheetName, long rowsRead, long rowsImported, long rowsRejected,
		long rowsSkipped, long warnings, long organizationsCreated, long organizationsUpdated, long contactsCreated,
		long contactsUpdated, long affiliationsCreated, @Nullable String message, String createdBy, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant undoneAt,
		@Nullable String undoneBy, boolean awaitingReview, @Nullable Long rowsTotal,
		@JsonIgnore @Nullable ImportText messageText, @Nullable Integer possibleDuplicates,
		@Nullable DuplicateCheckState duplicateCheck) {

	/**
	 * For API clients: the message bundle key of {@code message}, stable across
	 * languages.
	 */
	@JsonProperty("messageCode")
	public @Nullable String messageCode() {
		return this.messageText == null ? null : this.messageText.code();
	}

	/** The same run with its message in another language. */
	public ImportView withMessage(@Nullable String message) {
		return new ImportView(this.id, this.fileName, this.status, this.source, this.mode, this.dryRun, this.format,
				this.sheetName, this.rowsRead, this.rowsImported, this.rowsRejected, this.rowsSkipped, this.warnings,
				this.organizationsCreated, this.organizationsUpdated, this.contactsCreated, this.contactsUpdated,
				this.affiliationsCreated, message, this.createdBy, this.createdAt, this.startedAt, this.finishedAt,
				this.undoneAt, this.undoneBy, this.awaitingReview, this.rowsTotal, this.messageText,
				this.possibleDuplicates, this.duplicateCheck);
	}

	/**
	 * For API clients: where the pairs the run found wait for review, per kind, when it
	 * found any (the review queue's API filtered to this run).
	 */
	@JsonProperty("possibleDuplicatesUrls")
	public java.util.@Nullable Map<String, String> possibleDuplicatesUrls() {
		if (this.possibleDuplicates == null || this.possibleDuplicates == 0) {
			return null;
		}
		return java.util.Map.of("ORGANIZATION", "/api/duplicates?kind=ORGANIZATION&import=" + this.id, "CONTACT",
				"/api/duplicates?kind=CONTACT&import=" + this.id);
	}

	/**
	 * Progress for API clients: rows per second so far (the screens compute the same).
	 */
	@JsonProperty("rowsPerSecond")
	double currentRowsPerSecond() {
		return Math.round(rowsPerSecond(Instant.now()) * 10) / 10.0;
	}

	/** Progress for API clients: seconds left, when the total number of rows is known. */
	@JsonProperty("secondsLeft")
	@Nullable Long currentSecondsLeft() {
		Duration left = timeLeft(Instant.now());
		return left == null ? null : left.toSeconds();
	}

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

	/**
	 * Estimated time left at the current rate, or null when the total is unknown or
	 * nothing has been read yet.
	 */
	public @Nullable Duration timeLeft(Instant now) {
		double rate = rowsPerSecond(now);
		if (this.rowsTotal == null || this.status != ImportStatus.RUNNING || rate <= 0) {
			return null;
		}
		long left = Math.max(0, this.rowsTotal - this.rowsRead);
		return Duration.ofMillis((long) (left / rate * 1000));
	}

	/** Percentage of rows read, when the total is known. */
	public @Nullable Integer percentDone() {
		if (this.rowsTotal == null || this.rowsTotal == 0) {
			return null;
		}
		return (int) Math.min(100, this.rowsRead * 100 / this.rowsTotal);
	}

	/** Whether undo is possible: a finished real run not yet undone. */
	public boolean undoable() {
		return this.status == ImportStatus.COMPLETED && !this.dryRun && this.undoneAt == null;
	}

	public boolean finished() {
		return this.status == ImportStatus.COMPLETED || this.status == ImportStatus.FAILED;
	}

	/**
	 * Whether the run's records are still being checked for duplicates (the run is
	 * COMPLETED and not undone); its page keeps refreshing until the check ends.
	 */
	public boolean checkingDuplicates() {
		return this.duplicateCheck == DuplicateCheckState.CHECKING && this.undoneAt == null;
	}

	/** Finished, and nothing runs after it any more (no duplicate check either). */
	public boolean settled() {
		return finished() && !checkingDuplicates();
	}

}
