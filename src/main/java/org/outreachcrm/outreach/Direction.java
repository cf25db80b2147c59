package org.outreachcrm.outreach;

/** Who started an interaction: we (OUTBOUND) or the organization (INBOUND). */
public enum Direction {

	OUTBOUND, INBOUND

}
