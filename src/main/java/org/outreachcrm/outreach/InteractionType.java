package org.outreachcrm.outreach;

/** How the contact with an organization happened; the names are the API codes. */
public enum InteractionType {

	CALL, EMAIL, MEETING_IN_PERSON, MEETING_ONLINE, EVENT, LETTER, MESSAGE, OTHER

}
