package org.outreachcrm.reports;

/** Where a report run stands; the names are the API codes. */
public enum ReportRunStatus {

	QUEUED, RUNNING, COMPLETED, FAILED, SKIPPED_EMPTY

}
