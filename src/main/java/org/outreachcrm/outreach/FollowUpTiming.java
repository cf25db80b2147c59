package org.outreachcrm.outreach;

/** Where an open follow-up's due date lies relative to today in the viewer's zone. */
public enum FollowUpTiming {

	OVERDUE, TODAY, UPCOMING, DONE

}
