package org.outreachcrm.directory;

/** Whether a person agreed to be contacted and kept on file. */
public enum ConsentStatus {

	GIVEN, WITHDRAWN, UNKNOWN

}
