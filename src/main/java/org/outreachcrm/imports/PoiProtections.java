package org.outreachcrm.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import org.springframework.context.annotation.Configuration;

/**
 * Apache POI's zip-bomb guards, set explicitly when the application starts rather than
 * left to library defaults: an entry inflating more than 100 times its compressed size,
 * or larger than {@code crm.imports.max-workbook-entry-bytes} (counted while inflating),
 * makes POI refuse the file. Sheets are streamed, so that bound is generous; the parts
 * held in memory have their own, smaller one
 * ({@code crm.imports.max-workbook-part-bytes}, checked by the XLSX reader). (POI's XML
 * parsers refuse DTDs and external entities on their own; {@code UploadSafetyTest} checks
 * both.)
 */
@Configuration(proxyBeanMethods = false)
class PoiProtections {

	/** Smallest compressed/uncompressed ratio accepted for a zip entry. */
	static final double MIN_INFLATE_RATIO = 0.01;

	PoiProtections(ImportsProperties properties) {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(properties.maxWorkbookEntryBytes());
	}

}
