package org.outreachcrm.reports;

/**
 * Email delivery of a run: NONE (no recipients), PENDING (an attempt is due), SENT,
 * FAILED (every attempt failed).
 */
public enum DeliveryStatus {

	NONE, PENDING, SENT, FAILED

}
