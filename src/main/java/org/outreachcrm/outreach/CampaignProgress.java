package org.outreachcrm.outreach;

import java.util.List;

/**
 * How far a campaign has come: in total, by country and by organization type.
 *
 * @param total all targets
 * @param byCountry one row per country ("" for organizations without one)
 * @param byType one row per organization type
 */
public record CampaignProgress(long campaignId, Row total, List<Row> byCountry, List<Row> byType) {

	/**
	 * Counts of one group of targets.
	 *
	 * @param contacted targets with an interaction in the campaign or since its start
	 * @param engaged targets whose stage is ENGAGED or PARTNER now
	 * @param notReached targets not contacted
	 */
	public record Row(String key, long targets, long contacted, long engaged, long notReached) {
	}

}
