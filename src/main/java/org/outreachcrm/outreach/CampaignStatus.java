package org.outreachcrm.outreach;

/** Where a campaign is in its life. */
public enum CampaignStatus {

	PLANNED, ACTIVE, COMPLETED, CANCELLED

}
