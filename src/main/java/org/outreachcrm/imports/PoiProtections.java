package org.outreachcrm.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;

import org.springframework.context.annotation.Configuration;

/**
 * Apache POI's zip-bomb guards, set explicitly when the application starts rather than
 * left to library defaults: an entry inflating more than 100 times its compressed size,
 * or larger than {@link #MAX_ENTRY_BYTES}, makes POI refuse the file. (POI's XML parsers
 * refuse DTDs and external entities on their own; {@code UploadSafetyTest} checks both.)
 */
@Configuration(proxyBeanMethods = false)
class PoiProtections {

	/** Smallest compressed/uncompressed ratio accepted for a zip entry. */
	static final double MIN_INFLATE_RATIO = 0.01;

	/**
	 * Largest uncompressed zip entry: 1 GiB holds the sheet XML of well over a million
	 * partner rows, far beyond any real partner list.
	 */
	static final long MAX_ENTRY_BYTES = 1024L * 1024L * 1024L;

	PoiProtections() {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

}
