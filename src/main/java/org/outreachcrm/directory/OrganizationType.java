package org.outreachcrm.directory;

/** The kind of partner organization; the names are the API codes. */
public enum OrganizationType {

	NGO, FOUNDATION, TRADE_UNION, ACADEMIA, MEDIA, GOVERNMENT, INTERGOVERNMENTAL, PROFESSIONAL_ASSOCIATION,
	COMMUNITY_GROUP, SOCIAL_MOVEMENT, OTHER

}
