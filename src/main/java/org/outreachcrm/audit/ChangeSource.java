package org.outreachcrm.audit;

/** Where a change came from, as the history shows it. */
public enum ChangeSource {

	/** A page of the web interface. */
	WEB,
	/** The JSON API. */
	API,
	/** A spreadsheet import (the reference is the import's id). */
	IMPORT,
	/** The undo of an import (the reference is the import's id). */
	IMPORT_UNDO,
	/** The merge of two directory records (the reference is the merge's id). */
	MERGE,
	/** The undo of a merge (the reference is the merge's id). */
	MERGE_UNDO,
	/** The erasure of a person's data. */
	ERASURE,
	/** Start-up tasks, schedules and other work without a request. */
	SYSTEM

}
