package org.outreachcrm.imports.mapping;

/**
 * The organization type codes of the API. The directory module has its own
 * {@code OrganizationType} with the same codes; imports map to those by name.
 */
public enum OrganizationTypeCode {

	NGO, FOUNDATION, TRADE_UNION, ACADEMIA, MEDIA, GOVERNMENT, INTERGOVERNMENTAL, PROFESSIONAL_ASSOCIATION,
	COMMUNITY_GROUP, SOCIAL_MOVEMENT, OTHER

}
