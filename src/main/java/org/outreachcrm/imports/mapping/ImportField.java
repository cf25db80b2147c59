package org.outreachcrm.imports.mapping;

/**
 * The fields an import fills, which the columns of an uploaded sheet map to. Headers are
 * recognized through the aliases in {@code imports/header-aliases.properties}.
 */
public enum ImportField {

	ORGANIZATION_NAME, ORGANIZATION_TYPE, ORGANIZATION_WEBSITE, ORGANIZATION_EMAIL, ORGANIZATION_PHONE, COUNTRY, CITY,
	ADDRESS, POSTAL_CODE, GIVEN_NAME, FAMILY_NAME, FULL_NAME, EMAIL, PHONE, JOB_TITLE, PREFERRED_LANGUAGE, CONSENT_DATE,
	NOTES, TAGS

}
