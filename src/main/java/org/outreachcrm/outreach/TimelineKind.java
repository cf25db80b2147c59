package org.outreachcrm.outreach;

/** What a timeline entry records. */
public enum TimelineKind {

	INTERACTION, FOLLOW_UP, STAGE_CHANGE, MEETING

}
