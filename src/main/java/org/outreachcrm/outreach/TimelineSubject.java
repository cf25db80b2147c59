package org.outreachcrm.outreach;

/** Whose timeline: an organization's or a person's. */
public enum TimelineSubject {

	ORGANIZATION, CONTACT

}
