package org.outreachcrm.directory;

/** How a person's consent reached us. */
public enum ConsentSource {

	/** Entered on the contact's form or through the API. */
	FORM,
	/** Brought by an import (the detail names the file). */
	IMPORT,
	/** Given at a meeting (the detail names it). */
	MEETING

}
