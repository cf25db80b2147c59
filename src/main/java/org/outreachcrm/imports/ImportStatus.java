package org.outreachcrm.imports;

/** Where an import run is. */
public enum ImportStatus {

	/** Accepted, waiting for the import worker. */
	QUEUED,
	/** Rows are being read and written. */
	RUNNING,
	/** Every row was imported, rejected or skipped; see the counts. */
	COMPLETED,
	/** The file could not be imported; nothing of it is stored. See the message. */
	FAILED

}
