package org.outreachcrm.directory;

/** How far the relationship with an organization has come. */
public enum PartnershipStage {

	PROSPECT, CONTACTED, ENGAGED, PARTNER, DORMANT

}
