package org.outreachcrm.duplicates;

/** Where a full scan is. */
public enum ScanStatus {

	QUEUED, RUNNING, COMPLETED, FAILED

}
