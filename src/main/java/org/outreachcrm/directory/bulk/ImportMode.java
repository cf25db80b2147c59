package org.outreachcrm.directory.bulk;

/** How a bulk write treats rows that match records already stored. */
public enum ImportMode {

	/**
	 * Create what is new; fill the empty fields of what exists, never blanking a stored
	 * value.
	 */
	CREATE_AND_UPDATE,
	/** Create what is new; leave existing records as they are. */
	CREATE_ONLY,
	/** Fill existing records; create nothing. */
	UPDATE_ONLY

}
