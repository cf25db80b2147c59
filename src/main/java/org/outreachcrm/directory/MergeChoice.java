package org.outreachcrm.directory;

/** Which record's value a merge keeps for one field that differs. */
public enum MergeChoice {

	/** The value of the record that stays. */
	KEPT,
	/** The value of the record merged into it. */
	MERGED

}
