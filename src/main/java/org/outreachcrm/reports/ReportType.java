package org.outreachcrm.reports;

/** The kinds of report; the names are the API codes. */
public enum ReportType {

	OUTREACH_ACTIVITY, FOLLOW_UPS, COVERAGE, MEETINGS

}
