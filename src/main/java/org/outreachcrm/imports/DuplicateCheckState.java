package org.outreachcrm.imports;

/**
 * Where the duplicate check after a completed run stands. The run is COMPLETED (its rows
 * are stored, it can be undone) while its records are still being checked.
 */
public enum DuplicateCheckState {

	/** Queued or running; an instance that stops during it resumes it. */
	CHECKING,

	/** Finished: {@link ImportView#possibleDuplicates()} holds what it found. */
	DONE,

	/** Failed; a full scan finds the pairs. */
	FAILED,

	/** Stopped by an undo of the run. */
	CANCELLED

}
